#!/usr/bin/env python3
"""Writes standalone, strict JSON Schemas (draft-04 style, as kubeconform's) for Kubernetes kinds
from the API server's OpenAPI v2 document: one file per kind, every definition it needs inlined
under "definitions", objects closed (additionalProperties false), int-or-string as either type.

usage: k8s-schemas.py SWAGGER_JSON OUT_DIR GROUP/VERSION/KIND..."""
import json, sys, os

def main():
    swagger, out, kinds = sys.argv[1], sys.argv[2], sys.argv[3:]
    defs = json.load(open(swagger))["definitions"]
    by_gvk = {}
    for name, d in defs.items():
        for gvk in d.get("x-kubernetes-group-version-kind", []):
            by_gvk[f'{gvk["group"] or "core"}/{gvk["version"]}/{gvk["kind"]}'] = name
    os.makedirs(out, exist_ok=True)
    for kind in kinds:
        root = by_gvk[kind]
        needed, todo = {}, [root]
        while todo:
            n = todo.pop()
            if n in needed:
                continue
            needed[n] = fix(defs[n], todo)
            if n == "io.k8s.apimachinery.pkg.api.resource.Quantity":
                # Written as a string ("500m", "1Gi") or a plain number (2).
                needed[n] = {"oneOf": [{"type": "string"}, {"type": "number"}]}
        group, version, k = kind.split("/")
        api_version = version if group == "core" else f"{group}/{version}"
        needed[root] = dict(needed[root])
        props = dict(needed[root]["properties"])
        props["apiVersion"] = dict(props["apiVersion"], enum=[api_version])
        props["kind"] = dict(props["kind"], enum=[k])
        needed[root]["properties"] = props
        schema = {"$schema": "http://json-schema.org/draft-04/schema#",
                  "description": f"{k} ({api_version}), Kubernetes release-1.36 OpenAPI, standalone and strict",
                  "$ref": "#/definitions/" + root,
                  "definitions": dict(sorted(needed.items()))}
        name = f'{k.lower()}-{(group if group != "core" else "")}{"-" if group != "core" else ""}{version}.json'
        with open(os.path.join(out, name), "w") as f:
            json.dump(schema, f, indent=1, sort_keys=False)
            f.write("\n")
        print(name, len(needed))

def fix(node, todo):
    if isinstance(node, list):
        return [fix(x, todo) for x in node]
    if not isinstance(node, dict):
        return node
    r = {}
    for key, value in node.items():
        if key in ("description", "x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-patch-merge-key",
                   "x-kubernetes-patch-strategy", "x-kubernetes-map-type", "x-kubernetes-unions"):
            continue
        if key == "$ref":
            target = value.split("/")[-1]
            todo.append(target)
            r[key] = "#/definitions/" + target
        else:
            r[key] = fix(value, todo)
    if r.get("format") == "int-or-string":
        return {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    if r.get("type") == "object" and "properties" in r and "additionalProperties" not in r:
        r["additionalProperties"] = False
    return r

main()
