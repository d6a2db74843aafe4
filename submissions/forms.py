from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from submissions.errors import SubmissionError
from submissions.services import (
    ALLOWED_SUFFIXES,
    MAX_FILE_BYTES,
    MAX_FILES,
    IncomingFile,
    kib,
    upload_decode,
)


class MultipleFileInput(forms.ClearableFileInput):
    # Renders `multiple`; Django refuses the attribute unless the widget declares it.
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> Any:
        clean_one = super().clean
        if isinstance(data, list | tuple):
            return [clean_one(item, initial) for item in data]
        return clean_one(data, initial)


class SubmissionForm(forms.Form):
    """Files edited in the browser (name + content pairs) and/or uploaded files.

    The editor posts `path_N`/`content_N` pairs; uploads come in `uploads`. Validation of
    names, sizes and text lives in the service; this form only gathers the pieces."""

    uploads = MultipleFileField(
        required=False,
        widget=MultipleFileInput(attrs={"accept": ",".join(sorted(ALLOWED_SUFFIXES))}),
        help_text=f"Up to {MAX_FILES} text files, {MAX_FILE_BYTES // 1024} KiB each.",
    )

    def __init__(self, *args: Any, initial_files: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editor_files = [(f.path, f.content) for f in initial_files]
        self.incoming: list[IncomingFile] = []

    def posted_files(self) -> list[tuple[str, str]]:
        """The editor's files exactly as posted, so a refused submission (too large an
        upload, a bad name) comes back with every line the learner typed."""
        pairs: list[tuple[str, str]] = []
        for index in range(MAX_FILES + 1):
            path = self.data.get(f"path_{index}")
            if path is None:
                continue
            content = self.data.get(f"content_{index}", "")
            if path.strip() or content.strip():
                pairs.append((path, content.replace("\r\n", "\n")))
        return pairs

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        posted = self.posted_files()
        if posted:
            self.editor_files = posted
        incoming = [IncomingFile(path=path, content=content) for path, content in posted]
        for upload in self.files.getlist("uploads"):
            if upload.size is not None and upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    f"{upload.name} is too large ({kib(upload.size)} KiB, limit {MAX_FILE_BYTES // 1024} KiB)."
                )
            try:
                incoming.append(
                    upload_decode(upload.name or "upload.py", upload.read(MAX_FILE_BYTES + 1))
                )
            except SubmissionError as exc:
                raise forms.ValidationError(exc.message) from exc
        if not incoming:
            raise forms.ValidationError("Add some code: edit the files below or upload them.")
        # An upload replaces the editor's file of the same name.
        by_path = {item.path.strip(): item for item in incoming}
        incoming = list(by_path.values())
        self.incoming = incoming
        self.editor_files = [(f.path, f.content) for f in incoming]
        return cleaned
