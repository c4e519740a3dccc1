"""gunicorn's settings for this app, read from the working directory by
`gunicorn 'plugin:create_app()'` (options on the command line win over them)."""

# The threaded worker (README: why), which also answers gunicorn's own refusals (400, 414, 431)
# as problem+json.
worker_class = "plugin.gunicorn_worker.ProblemJsonWorker"
threads = 8

# The access log, when one is asked for (--access-logfile), records the path without its query
# string (%(U)s, not the request line %(r)s) and no Referer: sign-in codes, states and
# invitation links travel in query strings and must never be written down.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s "%(a)s"'
