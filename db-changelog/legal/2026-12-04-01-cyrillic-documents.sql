--liquibase formatted sql

--changeset lead:2026-12-04-01-cyrillic-documents
-- Documents in Serbian Cyrillic (issue #19): a partner may keep its own Cyrillic template
-- ('sr-Cyrl', the UI language's code); without one the Serbian Latin template is transliterated.
-- Widening a varchar does not rewrite the table.
alter table document_template drop constraint document_template_language_check;
alter table document_template alter column language type varchar(7);
alter table document_template add constraint document_template_language_check
    check (language in ('en', 'sq', 'sr', 'sr-Cyrl'));
alter table generated_document alter column language type varchar(7);
