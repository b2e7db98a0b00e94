-- The group a queued notification mail is about (NULL for anything else).
-- When a member leaves a group, or is removed or banned from it, her mail
-- about it that has not gone yet is withdrawn by this column.
ALTER TABLE outbox_messages
    ADD COLUMN group_id uuid REFERENCES groups ON DELETE SET NULL;
