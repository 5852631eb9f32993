"""Offline HTML reports: one per team each month, one for the collaborative, run in batch by ``bsc reports``."""
