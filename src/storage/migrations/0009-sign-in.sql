-- Sign-in hardening (issue 11, points 7 and 12): login throttling counted atomically in its own table,
-- and staff two-factor sign-in (TOTP, recovery codes, the short-lived token between password and code).

-- One row per throttled key: 'account:<name>' (all addresses), 'pair:<name>|<address>',
-- 'address:<address>' (all names) and 'code:<name>' (second-factor guesses). Keys exist for unknown
-- names too, so a locked name and a name that does not exist answer alike.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  attempts int NOT NULL CHECK (attempts >= 0),
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_started_at);

-- The counters on users could only be read, then written: parallel requests raced past them.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- A user's TOTP secret, encrypted with the field crypto (the envelope names its key id).
CREATE TABLE user_totp (
  user_id bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret_enc text NOT NULL,
  -- null while an enrolment waits for its first correct code
  confirmed_at timestamptz,
  -- the time step of the last accepted code: a code is never accepted twice (RFC 6238 §5.2)
  last_time_step bigint,
  created_at timestamptz NOT NULL
);

-- Ten per enrolment, stored as SHA-256 of 80 random bits, each spent once.
CREATE TABLE user_recovery_codes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  UNIQUE (user_id, code_hash)
);

-- Between a correct password and the second factor: sha-256 of a random token, minutes long.
CREATE TABLE login_challenges (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('code', 'enrol')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_challenges_user_idx ON login_challenges (user_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle, user_totp, user_recovery_codes, login_challenges TO civicgrid_app;
