-- Seed of bench/statistics-queries (docs/performance.md P9), run by psql as the owner of one node's database
-- while the node idles. psql variables: records, received, sent (row counts), months (the data is
-- spread evenly over the `months` whole months before the current one), screenings, referrals, node,
-- agency (the node's id and the holding agency of its records, the sender of its referrals).
--   subject_record     `records` rows: a long tail of nationalities (40% AF, a few large groups, 40
--                      nationalities of a few persons a month), statuses, sexes, full and partial birth
--                      dates, realistic jsonb of every category
--   exchange_received  `received` rows (requests received), each with its REQUEST_DECIDED access-log
--                      row (purposes skewed, outcomes mixed); request and response envelopes of a
--                      realistic length
--   exchange_request   `sent` rows (requests sent), each with its REQUEST_SENT access-log row
--   screening          `screenings` rows (interviews of the Annex 1 questionnaire: asylum answers, some
--                      trafficking answers, children alone or with other adults, observed needs)
--   referral           `referrals` rows sent by `agency` from those screenings, of every type, priority
--                      and status, with their steps (a COMPLETED one successful or not)
-- The access-log rows are inserted past the chaining trigger (lanes locked meanwhile), as in
-- bench/dpo-queries: NOT a valid chain, which is why the bench uses throwaway data folders.
SET synchronous_commit = off;
SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => :months)) AT TIME ZONE 'UTC' AS seed_from \gset
SELECT extract(epoch FROM (date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') - :'seed_from'::timestamptz) AS span \gset
CREATE TEMP TABLE seed_nationality (n int PRIMARY KEY, code text);
-- A long tail on purpose (per 10,000 persons): 40% AF, a few large groups, 24 nationalities of 0.4%
-- each (about a hundred persons a month at 1,000,000 records over 36 months) and 40 of 0.01% each
-- (about three a month: the small cells that disclosure control must protect).
INSERT INTO seed_nationality SELECT g, CASE WHEN g < 4000 THEN 'AF' WHEN g < 5500 THEN 'IR' WHEN g < 6500 THEN 'PK'
  WHEN g < 7300 THEN 'SY' WHEN g < 7800 THEN 'UZ' WHEN g < 8200 THEN 'TJ' WHEN g < 8400 THEN 'IQ' WHEN g < 8600 THEN 'CN'
  WHEN g < 8800 THEN 'RU' WHEN g < 9000 THEN 'NONE'
  WHEN g < 9960 THEN (ARRAY['ER','SO','YE','SD','MM','LK','BD','NP','IN','TR','AZ','AM','GE','UA','BY','MD','KP','VN',
    'LA','KH','TH','MN','KW','SA'])[1 + (g - 9000) / 40]
  ELSE (ARRAY['JO','LB','EG','LY','TN','DZ','MA','ET','NG','CD','CM','VE','CU','HT','CO','AL','BA','RS','MW','MK',
    'PS','KE','UG','RW','BI','SS','CF','TD','ML','NE','BF','GN','SL','LR','CI','GH','TG','BJ','MR','SN'])[1 + (g - 9960)]
  END FROM generate_series(0, 9999) g;
INSERT INTO subject_record (id, holder_agency, holder_record_ref, identity, case_status, claim, family, contact,
    specific_needs, protection_hold, created_at, updated_at, version, family_name_key, latin_family_name_key,
    given_names_key, latin_given_names_key, birth_from, birth_to, nationality_keys, document_keys)
SELECT md5('record' || g)::uuid, :'agency', 'SEED-' || g,
       jsonb_strip_nulls(jsonb_build_object('familyName', 'Family' || (g % 5003), 'givenNames', 'Given' || (g % 4001),
         'sex', CASE WHEN abs(hashint4(g * 7)) % 100 < 48 THEN 'F' WHEN abs(hashint4(g * 7)) % 100 < 97 THEN 'M' WHEN abs(hashint4(g * 7)) % 100 < 98 THEN 'X' END,
         'dateOfBirth', CASE d.kind WHEN 0 THEN NULL WHEN 1 THEN to_char(d.birth, 'YYYY') WHEN 2 THEN to_char(d.birth, 'YYYY-MM') ELSE to_char(d.birth, 'YYYY-MM-DD') END,
         'placeOfBirth', 'Place ' || (g % 301),
         'nationalities', CASE WHEN nat.code = 'NONE' THEN '[]'::jsonb ELSE jsonb_build_array(nat.code) END,
         'formerHabitualResidences', '[]'::jsonb,
         'documents', jsonb_build_array(jsonb_build_object('type', 'PASSPORT', 'number', 'P' || (1000000 + g), 'issuingCountry', 'AF')))),
       jsonb_build_object('status', (ARRAY['ASYLUM_SEEKER','ASYLUM_SEEKER','ASYLUM_SEEKER','REFUGEE','REFUGEE','REJECTED','STATELESS','OTHER_PROTECTION','CLOSED','ASYLUM_SEEKER'])[1 + abs(hashint4(g * 13)) % 10], 'statusDate', '2026-01-15'),
       jsonb_build_object('summary', 'Seeded claim summary of a realistic length for the benchmark, record ' || g || '; grounds and countries of fear follow.', 'grounds', jsonb_build_array('POLITICAL_OPINION'), 'countriesOfFear', jsonb_build_array('AF')),
       jsonb_build_array(jsonb_build_object('relation', 'CHILD', 'familyName', 'Family' || (g % 5003), 'givenNames', 'Child', 'dateOfBirth', '2015')),
       jsonb_build_object('address', 'Sample street ' || g, 'phone', '+7 700 000 ' || (g % 10000)),
       NULL, false, t.at, t.at, 0, 'family' || (g % 5003), NULL, 'given' || (g % 4001), NULL,
       CASE d.kind WHEN 0 THEN NULL WHEN 1 THEN date_trunc('year', d.birth)::date WHEN 2 THEN date_trunc('month', d.birth)::date ELSE d.birth END,
       CASE d.kind WHEN 0 THEN NULL WHEN 1 THEN (date_trunc('year', d.birth) + interval '1 year - 1 day')::date
            WHEN 2 THEN (date_trunc('month', d.birth) + interval '1 month - 1 day')::date ELSE d.birth END,
       CASE WHEN nat.code = 'NONE' THEN NULL ELSE ' ' || nat.code || ' ' END, ' P' || (1000000 + g) || ' '
FROM generate_series(1, :records) g
JOIN seed_nationality nat ON nat.n = abs(hashint4(g * 3)) % 10000
CROSS JOIN LATERAL (SELECT :'seed_from'::timestamptz + make_interval(secs => (g::float8 / :records) * :span) AS at) t
CROSS JOIN LATERAL (SELECT (DATE '2026-06-30' - (abs(hashint4(g * 5)) % (75 * 365)))::date AS birth,
                           CASE WHEN abs(hashint4(g * 11)) % 100 < 3 THEN 0 WHEN abs(hashint4(g * 11)) % 100 < 23 THEN 1
                                WHEN abs(hashint4(g * 11)) % 100 < 33 THEN 2 ELSE 3 END AS kind) d;
-- Requests received (holder side): one exchange_received row and one REQUEST_DECIDED access-log row each.
CREATE TEMP TABLE seed_purpose (n int PRIMARY KEY, purpose text);
INSERT INTO seed_purpose SELECT g, CASE WHEN g < 45 THEN 'RSD_CASE_PROCESSING' WHEN g < 60 THEN 'DOCUMENT_VERIFICATION'
  WHEN g < 72 THEN 'FAMILY_TRACING' WHEN g < 82 THEN 'SECURITY_SCREENING' WHEN g < 89 THEN 'PROTECTION_REFERRAL'
  WHEN g < 94 THEN 'EXCLUSION_ASSESSMENT' WHEN g < 98 THEN 'CHILD_PROTECTION' ELSE 'ANTI_TRAFFICKING' END
  FROM generate_series(0, 99) g;
CREATE TEMP TABLE seed_received AS
SELECT g, (ARRAY['kg','tj','kz'])[1 + g % 3] AS sender, md5('request' || g)::uuid AS request_id,
       :'seed_from'::timestamptz + make_interval(secs => (g::float8 / :received) * :span) AS at,
       p.purpose,
       CASE WHEN abs(hashint4(g * 17)) % 100 < 40 THEN 'RELEASED' WHEN abs(hashint4(g * 17)) % 100 < 60 THEN 'PARTIALLY_RELEASED'
            WHEN abs(hashint4(g * 17)) % 100 < 65 THEN 'REFUSED' WHEN abs(hashint4(g * 17)) % 100 < 97 THEN 'NOT_AVAILABLE'
            ELSE 'PENDING_REVIEW' END AS outcome
FROM generate_series(1, :received) g JOIN seed_purpose p ON p.n = abs(hashint4(g * 19)) % 100;
INSERT INTO exchange_received (sender_node, jti, request_id, request_digest, request_jws, requester_agency, holder_agency,
    purpose, justification_fingerprint, subject_key, subject_record_id, received_at, outcome, internal_reason, review_state,
    review_decision, response_jws, subject_record_version)
SELECT r.sender, md5('jti' || r.g), r.request_id, left(md5('rq' || r.g) || md5('rq2' || r.g), 43),
       'eyJhbGciOiJFZERTQSJ9.' || repeat(md5('payload' || r.g), 30) || '.' || repeat(md5('sig' || r.g), 2),
       CASE r.sender WHEN 'kg' THEN 'KG-SMS' WHEN 'tj' THEN 'TJ-MIA' ELSE 'KZ-BORDER' END, :'agency', r.purpose,
       md5('fp' || (r.g % 5000)) || md5('fp2' || (r.g % 5000)), md5('subject' || (r.g % 400000)) || md5('s2' || (r.g % 400000)),
       CASE WHEN r.outcome <> 'NOT_AVAILABLE' THEN md5('record' || (1 + abs(hashint4(r.g)) % :records))::uuid END,
       r.at, r.outcome, CASE WHEN r.outcome = 'NOT_AVAILABLE' THEN 'no_match' END,
       CASE WHEN r.outcome = 'PENDING_REVIEW' THEN 'WAITING' END, NULL,
       'eyJhbGciOiJFZERTQSJ9.' || repeat(md5('response' || r.g), 36) || '.' || repeat(md5('rsig' || r.g), 2),
       CASE WHEN r.outcome <> 'NOT_AVAILABLE' THEN 0 END
FROM seed_received r;
BEGIN;
LOCK TABLE access_log_lane;
ALTER TABLE access_log DISABLE TRIGGER access_log_chain;
SELECT COALESCE(max(id), 0) AS base FROM access_log \gset
INSERT INTO access_log (id, occurred_at, actor, agency, node_id, action, record_id, outcome, reason_codes, request_id,
    counterpart_node, counterpart_party, holder_agency, purpose, categories, justification, justification_fingerprint,
    request_digest, response_digest, prev_hash, hash, lane)
SELECT :base + r.g, r.at + interval '3 milliseconds', 'node:' || r.sender || '/officer' || (r.g % 97),
       CASE r.sender WHEN 'kg' THEN 'KG-SMS' WHEN 'tj' THEN 'TJ-MIA' ELSE 'KZ-BORDER' END, :'node', 'REQUEST_DECIDED',
       CASE WHEN r.outcome <> 'NOT_AVAILABLE' THEN md5('record' || (1 + abs(hashint4(r.g)) % :records))::uuid END,
       r.outcome, NULL, r.request_id, r.sender, upper(r.sender), :'agency', r.purpose, 'IDENTITY,CASE_STATUS',
       'Applicant states he lodged a claim in Almaty in January 2026; we must establish the outcome before deciding his claim under case ' || r.g || '.',
       md5('fp' || (r.g % 5000)) || md5('fp2' || (r.g % 5000)), left(md5('rq' || r.g) || md5('rq2' || r.g), 43),
       left(md5('rs' || r.g) || md5('rs2' || r.g), 43), md5('p' || r.g) || md5('q' || r.g), md5('h' || r.g) || md5('i' || r.g), r.g % 16
FROM seed_received r;
-- Requests sent (requester side): one exchange_request row and one REQUEST_SENT access-log row each.
INSERT INTO exchange_request (id, officer, agency, holder_agency, holder_node, purpose, justification_fingerprint, subject_key,
    request_jws, request_digest, status, outcome, response_jws, response_kid, created_at, answered_at)
SELECT md5('sent' || g)::uuid, 'officer' || (g % 97), :'agency', 'KG-SMS', 'kg', p.purpose,
       md5('sfp' || (g % 5000)) || md5('sfp2' || (g % 5000)), md5('ssubject' || (g % 100000)) || md5('ss2' || (g % 100000)),
       'eyJhbGciOiJFZERTQSJ9.' || repeat(md5('spayload' || g), 30) || '.' || repeat(md5('ssig' || g), 2),
       left(md5('srq' || g) || md5('srq2' || g), 43),
       CASE WHEN g % 50 = 0 THEN 'UNDELIVERED' WHEN g % 20 = 1 THEN 'PENDING_REVIEW' ELSE 'ANSWERED' END,
       CASE WHEN g % 50 = 0 THEN NULL WHEN g % 20 = 1 THEN 'PENDING_REVIEW'
            ELSE (ARRAY['RELEASED','PARTIALLY_RELEASED','NOT_AVAILABLE','REFUSED'])[1 + abs(hashint4(g * 23)) % 4] END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE 'eyJhbGciOiJFZERTQSJ9.' || repeat(md5('sresponse' || g), 36) || '.AA' END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE 'kg-2026-1' END,
       t.at, CASE WHEN g % 50 = 0 THEN NULL ELSE t.at + interval '40 milliseconds' END
FROM generate_series(1, :sent) g JOIN seed_purpose p ON p.n = abs(hashint4(g * 29)) % 100
CROSS JOIN LATERAL (SELECT :'seed_from'::timestamptz + make_interval(secs => (g::float8 / :sent) * :span) AS at) t;
INSERT INTO access_log (id, occurred_at, actor, agency, node_id, action, record_id, outcome, reason_codes, request_id,
    counterpart_node, counterpart_party, holder_agency, purpose, categories, justification, justification_fingerprint,
    request_digest, response_digest, prev_hash, hash, lane)
SELECT :base + :received + e.g, e.created_at, e.officer, e.agency, :'node', 'REQUEST_SENT', NULL, 'OK', NULL, e.id, 'kg', 'KG',
       'KG-SMS', e.purpose, 'IDENTITY', 'Seeded request ' || e.n, e.justification_fingerprint, e.request_digest, NULL,
       md5('sp' || e.g) || md5('sq' || e.g), md5('sh' || e.g) || md5('si' || e.g), e.g % 16
FROM (SELECT e.*, s.n, row_number() OVER (ORDER BY e.created_at, e.id) AS g FROM exchange_request e
      JOIN generate_series(1, :sent) s(n) ON e.id = md5('sent' || s.n)::uuid) e;
ALTER TABLE access_log ENABLE TRIGGER access_log_chain;
SELECT setval('access_log_id_seq', (SELECT max(id) FROM access_log) + 1, false);
COMMIT;
-- Screening interviews (V31) and referrals sent from them (V32), spread over the same months. The
-- interviews are valid for the Annex 1 questionnaire: the statistics compute their indicators.
INSERT INTO screening (id, agency, screener, place, interviewed_at, questionnaire_id, questionnaire_version, interview,
    created_at, version)
SELECT md5('screening' || g)::uuid, :'agency', 'screener' || (g % 31), 'BCP-' || (g % 7), t.at - interval '2 hours',
       'annex1', 1,
       jsonb_build_object('place', 'BCP-' || (g % 7), 'interviewedAt', to_char((t.at - interval '2 hours') AT TIME ZONE 'UTC',
           'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'language', 'prs', 'interpreterPresent', true,
         'informed', jsonb_build_array('PROCEDURE', 'RIGHT_TO_SEEK_ASYLUM', 'UNHCR_EXISTS'),
         'person', jsonb_build_object('familyName', 'Screened' || (g % 997), 'sex', CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END,
           'dateOfBirth', CASE WHEN g % 10 = 0 THEN '2011-03-01' WHEN g % 10 = 1 THEN '2009' ELSE '1990-04-02' END,
           'nationalities', jsonb_build_array(CASE WHEN g % 5 = 0 THEN 'UZ' ELSE 'AF' END),
           'accompaniment', CASE WHEN g % 20 = 0 THEN 'ALONE' WHEN g % 10 < 2 THEN 'WITH_OTHER_ADULTS' ELSE 'WITH_FAMILY' END),
         'answers', CASE WHEN g % 13 = 0
           THEN jsonb_build_object('reasonsForLeaving', jsonb_build_array('EMPLOYMENT_PROMISE_BY_THIRD_PERSON', 'DECEPTION'),
                  'howLeft', jsonb_build_array('HELPED_BY_ANOTHER_PERSON'), 'documentsTaken', true)
           ELSE jsonb_build_object('journeyStart', 'AF', 'reasonsForLeaving', jsonb_build_array('PERSECUTION'),
                  'forcedToLeave', g % 3 <> 0, 'wishesToReturn', false) END,
         'specificNeeds', CASE WHEN g % 17 = 0 THEN jsonb_build_array('SERIOUS_MEDICAL_CONDITION')
           WHEN g % 11 = 0 THEN jsonb_build_array('ELDERLY') ELSE '[]'::jsonb END),
       t.at, 0
FROM generate_series(1, :screenings) g
CROSS JOIN LATERAL (SELECT :'seed_from'::timestamptz + make_interval(secs => (g::float8 / :screenings) * :span) AS at) t;
INSERT INTO referral (id, sender_agency, sent_by, receiver_agency, receiver_node, screening_id, record_id, type, categories,
    basis, consent, best_interest_reason, note, priority, status, carried, created_at, updated_at, version)
SELECT md5('referral' || g)::uuid, :'agency', 'officer' || (g % 31), :'agency' || '-RECEIVER', :'node',
       md5('screening' || (1 + (g * 7) % :screenings))::uuid, NULL,
       (ARRAY['ASYLUM_PROCEDURE','ASYLUM_PROCEDURE','ASYLUM_PROCEDURE','UNHCR','CHILD_PROTECTION','SPECIFIC_NEEDS_CARE',
              'ANTI_TRAFFICKING'])[1 + abs(hashint4(g * 31)) % 7],
       'IDENTITY,CONTACT', 'CONSENT', '{"givenBy": "PERSON", "language": "prs"}'::jsonb, NULL, NULL,
       (ARRAY['NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + abs(hashint4(g * 37)) % 5],
       (ARRAY['SENT','RECEIVED','ACCEPTED','DECLINED','COMPLETED','COMPLETED','COMPLETED','REVOKED'])[1 + abs(hashint4(g * 41)) % 8],
       '{}'::jsonb, t.at, t.at + interval '2 days', 0
FROM generate_series(1, :referrals) g
CROSS JOIN LATERAL (SELECT :'seed_from'::timestamptz + make_interval(secs => (g::float8 / :referrals) * :span) AS at) t;
INSERT INTO referral_step (referral_id, status, occurred_at, actor, agency, reason, successful)
SELECT r.id, 'SENT', r.created_at, r.sent_by, r.sender_agency, NULL, NULL FROM referral r WHERE r.sent_by LIKE 'officer%'
UNION ALL
SELECT r.id, r.status, r.updated_at, 'registrar', r.receiver_agency,
       CASE WHEN r.status = 'COMPLETED' AND abs(hashint4(hashtext(r.id::text))) % 4 = 0 THEN 'Did not attend.' END,
       CASE WHEN r.status = 'COMPLETED' THEN abs(hashint4(hashtext(r.id::text))) % 4 <> 0 END
FROM referral r WHERE r.sent_by LIKE 'officer%' AND r.status <> 'SENT';
