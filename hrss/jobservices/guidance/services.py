"""Write services of the guidance part: keyword-only, taking the actor, checking permission and scope, one
transaction, an audit entry."""
