"""gunicorn's settings for the production image (``gunicorn -c config/gunicorn.py config.wsgi``).

Its own log lines (start-up, worker restarts, one line per request) go through the same
JSON formatter as the site's (``LOG_FORMAT``, config/settings.py), so a log collector reads
every line of every process the same way. Formatters are named by string: the project
package imports nothing of Sinergi's own.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# One access record per request; the JSON formatter turns its fields into keys.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
_formatter = "json" if os.environ.get("LOG_FORMAT", "json") == "json" else "plain"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.request_log.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": _formatter, "stream": "ext://sys.stdout"},
    },
    # gunicorn's defaults name a root handler; Django's LOGGING takes the root over in each worker.
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
