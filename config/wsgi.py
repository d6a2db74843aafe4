import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Everything loaded so far (Django, the apps, URL patterns) lives as long as the process: move
# it out of the collector's generations, so a full collection in the middle of a request walks
# only what requests allocated (fewer long pauses at the latency tail).
gc.freeze()
