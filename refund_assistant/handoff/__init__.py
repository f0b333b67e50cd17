"""Handing a seller over to a person: the ticket (`ticket`), where it is kept (`store`) and how
it reaches the support team (`delivery`)."""
