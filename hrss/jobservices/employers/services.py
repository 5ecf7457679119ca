"""Write services of the employers part: keyword-only, taking the actor, checking permission and scope, one
transaction, an audit entry."""
