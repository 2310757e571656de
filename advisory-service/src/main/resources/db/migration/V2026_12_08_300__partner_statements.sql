-- What each partner told about its own products in answer to a pre-advisory (notify's
-- partner.statement.made), the latest statement per product. Sealed: until the lift they speak of
-- an unfixed vulnerability; publication puts them in the advisory's VEX documents.
CREATE TABLE partner_statement_set (
    id                 uuid PRIMARY KEY,
    pre_advisory_id    uuid NOT NULL,
    partner_id         text NOT NULL,
    sealed_statements  text NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT partner_statement_set_once UNIQUE (pre_advisory_id, partner_id)
);
