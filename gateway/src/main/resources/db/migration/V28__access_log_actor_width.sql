-- A requesting officer of a peer node is logged namespaced by the node that signed the request,
-- "node:<node id>/<officer>": up to 5 + 31 + 1 + 200 characters. Widening a VARCHAR rewrites
-- nothing and changes no row's canonical form, so every hash still verifies.
ALTER TABLE access_log ALTER COLUMN actor TYPE VARCHAR(240);
