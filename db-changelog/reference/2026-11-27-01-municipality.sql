--liquibase formatted sql

--changeset protection-cases:2026-11-27-01-municipality
-- The 38 municipalities of Kosovo in current use, grouped by the seven districts (region).
-- name_sr is Serbian in Latin script. Codes are internal, stable identifiers: never reuse or rename one.
create table municipality (
    code     varchar(8)   primary key,
    name_sq  varchar(100) not null,
    name_sr  varchar(100) not null,
    name_en  varchar(100) not null,
    region   varchar(32)  not null check (region in ('PRISTINA', 'PRIZREN', 'PEJA', 'GJAKOVA', 'MITROVICA', 'FERIZAJ', 'GJILAN'))
);
insert into municipality (code, name_sq, name_sr, name_en, region) values
    -- Pristina district (8)
    ('PRI', 'Prishtinë',          'Priština',            'Pristina',         'PRISTINA'),
    ('POD', 'Podujevë',           'Podujevo',            'Podujeva',         'PRISTINA'),
    ('DRE', 'Drenas',             'Glogovac',            'Drenas',           'PRISTINA'),
    ('LIP', 'Lipjan',             'Lipljan',             'Lipjan',           'PRISTINA'),
    ('FUS', 'Fushë Kosovë',       'Kosovo Polje',        'Fushe Kosova',     'PRISTINA'),
    ('OBI', 'Obiliq',             'Obilić',              'Obiliq',           'PRISTINA'),
    ('NOV', 'Novobërdë',          'Novo Brdo',           'Novo Brdo',        'PRISTINA'),
    ('GRA', 'Graçanicë',          'Gračanica',           'Gracanica',        'PRISTINA'),
    -- Prizren district (5)
    ('PRZ', 'Prizren',            'Prizren',             'Prizren',          'PRIZREN'),
    ('SUH', 'Suharekë',           'Suva Reka',           'Suhareka',         'PRIZREN'),
    ('MAL', 'Malishevë',          'Mališevo',            'Malisheva',        'PRIZREN'),
    ('DRA', 'Dragash',            'Dragaš',              'Dragash',          'PRIZREN'),
    ('MAM', 'Mamushë',            'Mamuša',              'Mamusha',          'PRIZREN'),
    -- Peja district (3)
    ('PEJ', 'Pejë',               'Peć',                 'Peja',             'PEJA'),
    ('IST', 'Istog',              'Istok',               'Istog',            'PEJA'),
    ('KLI', 'Klinë',              'Klina',               'Klina',            'PEJA'),
    -- Gjakova district (4)
    ('GJA', 'Gjakovë',            'Đakovica',            'Gjakova',          'GJAKOVA'),
    ('DEC', 'Deçan',              'Dečani',              'Decan',            'GJAKOVA'),
    ('JUN', 'Junik',              'Junik',               'Junik',            'GJAKOVA'),
    ('RAH', 'Rahovec',            'Orahovac',            'Rahovec',          'GJAKOVA'),
    -- Mitrovica district (7)
    ('MIS', 'Mitrovicë e Jugut',  'Južna Mitrovica',     'Mitrovica South',  'MITROVICA'),
    ('MIN', 'Mitrovicë e Veriut', 'Severna Mitrovica',   'Mitrovica North',  'MITROVICA'),
    ('VUS', 'Vushtrri',           'Vučitrn',             'Vushtrri',         'MITROVICA'),
    ('SKE', 'Skenderaj',          'Srbica',              'Skenderaj',        'MITROVICA'),
    ('ZUB', 'Zubin Potok',        'Zubin Potok',         'Zubin Potok',      'MITROVICA'),
    ('ZVE', 'Zveçan',             'Zvečan',              'Zvecan',           'MITROVICA'),
    ('LEP', 'Leposaviq',          'Leposavić',           'Leposavic',        'MITROVICA'),
    -- Ferizaj district (5)
    ('FER', 'Ferizaj',            'Uroševac',            'Ferizaj',          'FERIZAJ'),
    ('KAC', 'Kaçanik',            'Kačanik',             'Kacanik',          'FERIZAJ'),
    ('SHT', 'Shtime',             'Štimlje',             'Shtime',           'FERIZAJ'),
    ('STR', 'Shtërpcë',           'Štrpce',              'Strpce',           'FERIZAJ'),
    ('HAN', 'Hani i Elezit',      'Đeneral Janković',    'Hani i Elezit',    'FERIZAJ'),
    -- Gjilan district (6)
    ('GJI', 'Gjilan',             'Gnjilane',            'Gjilan',           'GJILAN'),
    ('KAM', 'Kamenicë',           'Kamenica',            'Kamenica',         'GJILAN'),
    ('VIT', 'Viti',               'Vitina',              'Viti',             'GJILAN'),
    ('RAN', 'Ranillug',           'Ranilug',             'Ranilug',          'GJILAN'),
    ('KLO', 'Kllokot',            'Klokot',              'Klokot',           'GJILAN'),
    ('PAR', 'Partesh',            'Parteš',              'Partes',           'GJILAN');
--rollback drop table municipality;
