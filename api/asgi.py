"""ASGI entry point for servers: ``uvicorn api.asgi:app`` (settings from the environment).

Each worker process imports this module, so this is where the server's structured JSON
logging is set up, and where invalid settings (e.g. production without an admin key) stop
the worker with one clear message.
"""

from api.config import settings_or_exit
from api.logging import configure_logging
from api.main import create_app

settings = settings_or_exit()
configure_logging(settings.log_level)
app = create_app(settings)
