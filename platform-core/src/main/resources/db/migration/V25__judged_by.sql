-- Every decision names what judged it: the SHA-256 of each model used (generator, embedders, safety, bias, fact-check
-- combiner, plugin checks and verifiers with their archive hashes), the policy version and the knowledge-base
-- snapshot. Kept on the content row (and in the governance report's JSON, and the decision's audit event).
alter table content_items add column judged_by jsonb;
