-- Every change to the organization row tells every app process listening (LISTEN organization_changed),
-- so their cached copy is dropped at once instead of going stale for seconds.
CREATE FUNCTION notify_organization_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('organization_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organization_changed AFTER INSERT OR UPDATE OR DELETE ON organization
  FOR EACH STATEMENT EXECUTE FUNCTION notify_organization_changed();
