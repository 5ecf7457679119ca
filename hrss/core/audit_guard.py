"""Database triggers that refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) on the audit table, so not even code
that bypasses the model (QuerySet.update(), raw SQL) can rewrite the audit trail. Installed by migration
core.0002; `uninstall` exists for the test harness, whose live-server tests must empty every table between tests."""

SQLITE_INSTALL = [
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
    """CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON core_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete;",
]
POSTGRES_INSTALL = [
    """CREATE OR REPLACE FUNCTION core_auditentry_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE OR REPLACE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON core_auditentry
       FOR EACH ROW EXECUTE FUNCTION core_auditentry_append_only();""",
    # TRUNCATE bypasses row triggers; refuse it with a statement trigger.
    """CREATE OR REPLACE TRIGGER core_auditentry_no_truncate BEFORE TRUNCATE ON core_auditentry
       FOR EACH STATEMENT EXECUTE FUNCTION core_auditentry_append_only();""",
]
POSTGRES_UNINSTALL = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry;",
    "DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry;",
    "DROP FUNCTION IF EXISTS core_auditentry_append_only();",
]

STATEMENTS = {
    "sqlite": (SQLITE_INSTALL, SQLITE_UNINSTALL),
    "postgresql": (POSTGRES_INSTALL, POSTGRES_UNINSTALL),
}


def _run(connection, index):
    statements = STATEMENTS.get(connection.vendor)
    if statements is None:
        raise NotImplementedError(f"no append-only triggers for {connection.vendor}")
    with connection.cursor() as cursor:
        for statement in statements[index]:
            cursor.execute(statement)


def install(connection):
    _run(connection, 0)


def uninstall(connection):
    _run(connection, 1)
