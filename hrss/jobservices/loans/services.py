"""Write services of the loans part: keyword-only, taking the actor, checking permission and scope, one
transaction, an audit entry."""
