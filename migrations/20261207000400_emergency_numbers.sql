-- "I need help now": emergency numbers for each country of the service map,
-- shown on the home page and on /services. Admins keep this list at
-- /admin/emergency-numbers; the rows below are only the starting data, real
-- public numbers as published by each country's authorities (December 2026).
-- Only numbers we are sure of are seeded; admins add the rest.
CREATE TABLE emergency_numbers (
    number_id SERIAL PRIMARY KEY,
    country TEXT NOT NULL,
    -- emergency (112), police, ambulance, fire, violence, children
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    label_sr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    -- Order within the country, smallest first.
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX emergency_numbers_country ON emergency_numbers (country, position);

INSERT INTO emergency_numbers (country, kind, number, label_sr, label_en, position) VALUES
    ('RS', 'police', '192', 'Policija', 'Police', 10),
    ('RS', 'ambulance', '194', 'Hitna pomoć', 'Ambulance', 20),
    ('RS', 'fire', '193', 'Vatrogasci', 'Firefighters', 30),
    ('RS', 'violence', '0800 100 600', 'SOS linija za žene i decu žrtve nasilja', 'SOS line for women and children victims of violence', 40),
    ('RS', 'children', '116 111', 'Nacionalna dečja linija (NADEL)', 'National children''s helpline (NADEL)', 50),
    ('BA', 'police', '122', 'Policija', 'Police', 10),
    ('BA', 'ambulance', '124', 'Hitna pomoć', 'Ambulance', 20),
    ('ME', 'emergency', '112', 'Jedinstveni broj za hitne slučajeve', 'Single emergency number', 0),
    ('ME', 'police', '122', 'Policija', 'Police', 10),
    ('ME', 'ambulance', '124', 'Hitna pomoć', 'Ambulance', 20),
    ('ME', 'violence', '080 111 111', 'SOS linija za žrtve nasilja u porodici', 'SOS line for victims of domestic violence', 40),
    ('MK', 'emergency', '112', 'Jedinstveni broj za hitne slučajeve', 'Single emergency number', 0),
    ('MK', 'police', '192', 'Policija', 'Police', 10),
    ('MK', 'ambulance', '194', 'Hitna pomoć', 'Ambulance', 20);
