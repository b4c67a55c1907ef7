-- Issue 11 (points 8 and 16): spent portal form tokens, applicants' e-mail addresses, and what an
-- Open311 client sent beyond the case's own fields.

-- A form token files one case: its id is recorded in the submission's transaction, and a second
-- submission with it meets the key. Rows outlive their token by nothing: past `expires_at` the
-- token is refused for its age anyway, and each submission deletes a few expired rows.
-- No region and nothing personal: the ids are random nonces, so no row-level security.
CREATE TABLE spent_form_tokens (
  token_id text COLLATE "C" PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX spent_form_tokens_expires_idx ON spent_form_tokens (expires_at);
-- (UPDATE only for the clean-up's FOR UPDATE SKIP LOCKED; rows are never changed)
GRANT SELECT, INSERT, UPDATE, DELETE ON spent_form_tokens TO civicgrid_app;

-- A party's e-mail address, encrypted like the phone (envelope with algorithm and key id) and hashed
-- with the derived key for matching repeat visits.
ALTER TABLE case_parties ADD COLUMN email_enc text;
ALTER TABLE case_parties ADD COLUMN email_hash text;
CREATE INDEX case_parties_email_hash_idx ON case_parties (email_hash) WHERE email_hash IS NOT NULL;

-- GeoReport attributes (attribute[code]=value) and media (media_url, the description of an uploaded
-- file that was not kept) as the client sent them, until attachments and service attributes arrive.
ALTER TABLE open311_requests ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb;
