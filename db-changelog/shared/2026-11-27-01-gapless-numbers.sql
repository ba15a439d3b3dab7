--liquibase formatted sql

--changeset protection-cases:2026-11-27-00-gapless-numbers splitStatements:false
-- Gapless per-year numbers (registration and case numbers): the counter row stays locked until
-- the numbering transaction ends, so a rolled-back insert gives its number back and concurrent
-- inserts queue instead of skipping numbers.
create table number_counter (
    series  varchar(16) not null,
    year    integer     not null,
    last    integer     not null,
    primary key (series, year)
);

create or replace function pc_next_number(p_series text, p_year integer) returns integer
    language sql
as $$
    insert into number_counter (series, year, last) values (p_series, p_year, 1)
    on conflict (series, year) do update set last = number_counter.last + 1
    returning last
$$;
--rollback drop function pc_next_number(text, integer); drop table number_counter;
