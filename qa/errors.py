"""The service's error hierarchy: one class per failure a user can meet.

Each error carries an HTTP status, a stable machine-readable ``code`` (documented in
README.md) and a Swedish ``user_message`` that is safe to show to an end user. The API maps
every one of them to the canonical error shape in a single handler.
"""

from __future__ import annotations


class QAError(Exception):
    """Base class: ``status_code``, stable ``code``, Swedish ``user_message``."""

    status_code: int = 500
    code: str = "internal_error"
    user_message: str = "Ett oväntat fel inträffade. Försök igen senare."

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        if user_message is not None:
            self.user_message = user_message
        # ``detail`` is for logs only (English, never shown to users).
        self.detail = detail or self.code
        super().__init__(self.detail)


class InvalidRequest(QAError):
    status_code = 422
    code = "invalid_request"
    user_message = "Förfrågan är ogiltig."


class EmptyQuestion(InvalidRequest):
    code = "question_empty"
    user_message = "Frågan är tom. Skriv en fråga."


class QuestionTooLong(InvalidRequest):
    code = "question_too_long"

    def __init__(self, limit: int) -> None:
        super().__init__(f"Frågan är för lång (högst {limit} tecken).")


class InvalidJSON(InvalidRequest):
    code = "invalid_json"
    user_message = "Förfrågan måste vara giltig JSON."


class UnknownReport(QAError):
    status_code = 404
    code = "unknown_report"

    def __init__(self, report_id: str) -> None:
        # The id is echoed only after validation has bounded its length.
        super().__init__(f"Rapporten ”{report_id[:80]}” finns inte i indexet.")


class NotFound(QAError):
    status_code = 404
    code = "not_found"
    user_message = "Det som efterfrågades finns inte."


class MethodNotAllowed(QAError):
    status_code = 405
    code = "method_not_allowed"
    user_message = "Metoden stöds inte för den här adressen."


class PayloadTooLarge(QAError):
    status_code = 413
    code = "payload_too_large"
    user_message = "Förfrågan är för stor."


class IndexUnavailable(QAError):
    status_code = 503
    code = "index_unavailable"
    user_message = "Inget index är laddat ännu. Indexera rapporterna och försök igen."


class IndexVersionMismatchError(QAError):
    status_code = 503
    code = "index_version_mismatch"
    user_message = "Indexet är byggt med en annan version eller modell och måste byggas om."


class InvalidReportId(InvalidRequest):
    code = "invalid_report_id"
    user_message = (
        "Rapport-id:t är ogiltigt (bokstäver, siffror, mellanslag, punkt, bindestreck och "
        "understreck, högst 120 tecken)."
    )


class ReportUnreadable(QAError):
    """An uploaded report could not be read or parsed; the message names the file."""

    status_code = 422
    code = "report_unreadable"
    user_message = "Rapporten kunde inte läsas."


class UploadTooLarge(PayloadTooLarge):
    code = "upload_too_large"

    def __init__(self, limit: int) -> None:
        size = f"{limit / 1_048_576:.0f} MB" if limit >= 1_048_576 else f"{limit // 1024} kB"
        super().__init__(f"Filen är för stor (högst {size}).")


class IndexBusyError(QAError):
    """Another writer is building a generation; only one build runs at a time."""

    status_code = 409
    code = "index_busy"
    user_message = "Indexet byggs om just nu. Försök igen om en stund."
    headers = {"Retry-After": "10"}


class LastReport(QAError):
    status_code = 409
    code = "last_report"
    user_message = "Den sista rapporten kan inte tas bort: indexet måste innehålla minst en rapport."
