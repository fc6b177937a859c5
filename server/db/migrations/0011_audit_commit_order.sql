-- sync.pull hands the audit trail out by id, after a tablet's cursor. Ids are drawn when a row is
-- inserted, not when it commits: a decision that drew id 100 and committed after another that drew
-- 101 would be skipped for good by a tablet that pulled in between. Appending to the trail therefore
-- takes one lock, held until commit, so that ids commit in the order they are drawn. The services take
-- the same lock first thing in each such transaction (server/services/claims.ts, lockAuditTrail), so
-- that it is never waited for while holding a claim's row; this trigger holds any other writer to it.
CREATE OR REPLACE FUNCTION claim_transitions_in_commit_order() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('fra-audit-trail'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER claim_transitions_commit_order
  BEFORE INSERT ON claim_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION claim_transitions_in_commit_order();
