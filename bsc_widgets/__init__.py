"""BSC Workbooks."""
