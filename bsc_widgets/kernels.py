"""How our Jupyter kernels are run, by Voilà (``bsc serve`` and the hub alike) and by papermill's reports.

A page's widgets reach the server as one message each, after its cell has finished: the set-up page sends
about 1,500. On a busy server the last can come more than nbclient's default 4 seconds later. Voilà then
drops the cell's output (a blank page), and papermill fails the report. Neither is worth the 4 seconds saved,
so both wait as long as a cell may run.
"""
IOPUB_WAIT = 120   # seconds

# closed tabs leave kernels behind (voila#1458): idle ones are culled
KERNELS = {"MappingKernelManager": {"cull_idle_timeout": 600, "cull_interval": 60},
           "VoilaExecutor": {"iopub_timeout": IOPUB_WAIT}}
