"""The seller's own review: reading when they applied (`submission_date`), China's working
days (`calendar`) and the expected window (`window`)."""
