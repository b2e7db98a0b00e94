-- The accreditation number an event carries when a licensing body
-- accredited it (printed on certificates); empty when it has none.
ALTER TABLE events ADD COLUMN accreditation_number text NOT NULL DEFAULT '';
