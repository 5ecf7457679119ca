"""The support part's writes: keyword-only, taking the actor, checking permission and scope, one transaction, one
audit entry each."""
