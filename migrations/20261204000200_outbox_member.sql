-- The member a queued mail was written for. A member's data download lists
-- her mail by this, not by the address it went to: an address passes from
-- one member to another (a centre hands an institutional address to a new
-- employee), and what was mailed to it before is not the newcomer's.
-- NULL for mail to an address with no account, which belongs to no one's
-- download. Accounts are erased in place (the row stays, anonymised) and
-- their mail deleted with them; should a users row ever be removed, its
-- mail becomes no one's rather than going with the row's id.
ALTER TABLE outbox_messages
    ADD COLUMN user_id uuid REFERENCES users ON DELETE SET NULL;
CREATE INDEX outbox_messages_user_idx ON outbox_messages (user_id) WHERE user_id IS NOT NULL;

-- Earlier mail is given to a member only where that is beyond doubt: it
-- went to the address she has now, no other member ever asked for that
-- address (every registration and address change leaves a verify_email
-- token naming the member and the address), and it was queued once the
-- address was hers (her first token for it, or her account's creation for
-- an account made with the address, as `kolega create-user` does). Mail to
-- her earlier addresses, or to an address two members have claimed, stays
-- no one's.
UPDATE outbox_messages AS o
SET user_id = u.user_id
FROM users AS u
WHERE u.email = lower(o.recipient)
  AND u.deleted_at IS NULL
  AND NOT EXISTS (
      SELECT 1 FROM account_tokens AS t
      WHERE lower(t.email) = u.email AND t.user_id <> u.user_id)
  AND o.created_at >= COALESCE(
      (SELECT min(t.created_at) FROM account_tokens AS t
       WHERE t.user_id = u.user_id AND lower(t.email) = u.email AND t.purpose = 'verify_email'),
      u.created_at);
