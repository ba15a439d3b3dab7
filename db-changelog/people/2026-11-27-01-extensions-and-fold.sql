--liquibase formatted sql

--changeset protection-cases:2026-11-27-01-extensions
-- Trusted extensions (PostgreSQL 13+): a database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

--changeset protection-cases:2026-11-27-02-fold splitStatements:false
-- pc_fold: one spelling for the many ways a Kosovo name is written, so that fuzzy matching
-- compares like with like: Serbian Cyrillic to Latin, diacritics dropped (ç ë č ć š ž đ),
-- Albanian and Serbian orthography aligned (sh/š, zh/ž, xh/dž, q/ć, gj/đ, dj/đ), doubled
-- letters collapsed (ll, rr). IMMUTABLE so it can back generated columns and indexes.
create or replace function pc_unaccent(text) returns text
    language sql immutable parallel safe strict
as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create or replace function pc_fold(text) returns text
    language sql immutable parallel safe
as $$
select trim(regexp_replace(
         regexp_replace(
           regexp_replace(
             replace(replace(replace(replace(replace(replace(replace(
               pc_unaccent(
                 translate(
                   replace(replace(replace(replace(replace(replace(lower(coalesce($1, '')),
                     'љ', 'lj'), 'њ', 'nj'), 'џ', 'dž'), 'ђ', 'đ'), 'ћ', 'ć'), 'щ', 'šč'),
                   'абвгдежзийклмнопрстуфхцчшјыэюяё',
                   'abvgdežzijklmnoprstufhcčšjyeuae')),
               'xh', 'dz'), 'zh', 'z'), 'sh', 's'), 'gj', 'd'), 'dj', 'd'), 'q', 'c'), 'ç', 'c'),
             '([a-z])\1+', '\1', 'g'),
           '[^a-z0-9 ]', ' ', 'g'),
         '\s+', ' ', 'g'))
$$;
--rollback drop function pc_fold(text); drop function pc_unaccent(text);
