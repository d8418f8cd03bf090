"""FastAPI dependencies (``Annotated`` aliases used by the routers)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.state import AppState
from qa.service import QAService


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.rapport
    return state


def get_service(state: Annotated[AppState, Depends(get_state)]) -> QAService:
    return state.require_service()


StateDep = Annotated[AppState, Depends(get_state)]
ServiceDep = Annotated[QAService, Depends(get_service)]
