"""What to tell the user before a briefing is exported: the things a document would get wrong.

A briefing can be rendered with a counterpart the gazetteer does not know, with a counterpart of
the wrong kind for the template (a province in an embassy briefing), with no issuing agency, or
with template slots that nothing was chosen for. None of these stops an export; each is a
``Notice`` the CLI prints on stderr and the export dialog lists above its buttons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from briefing_studio.briefing import Briefing
from briefing_studio.errors import BriefingError
from briefing_studio.templating.context import counterpart_names
from briefing_studio.templating.manifest import Template
from briefing_studio.workspace import Workspace

# The counterpart kind each template audience is written for; other audiences take any kind.
AUDIENCE_KIND = {"embassy": "country", "province": "province"}
_KIND_VI = {
    "country": "quốc gia",
    "province": "tỉnh, thành phố",
    "organization": "tổ chức",
    "other": "đối tác khác",
}
_KIND_EN = {
    "country": "a country",
    "province": "a province",
    "organization": "an organisation",
    "other": "another partner",
}


@dataclass(frozen=True)
class Notice:
    """One warning, in Vietnamese and in English; ``code`` says which kind (for tests, icons)."""

    code: str  # "counterpart-unknown", "counterpart-kind", "agency-missing", "slot-empty", …
    message_vi: str
    message_en: str

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang.startswith("en") else self.message_vi


def preflight(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    context: Mapping[str, Any] | None = None,
) -> list[Notice]:
    """Every notice for rendering ``briefing`` with ``template``, in the document's order.

    ``context``: the template context when the caller has built it for the render too.
    """
    notices = _counterpart_notices(briefing, template)
    agency = briefing.agency
    if not (agency.name.strip() or agency.parent.strip()):
        notices.append(
            Notice(
                "agency-missing",
                "Chưa đặt cơ quan ban hành: tài liệu không có tên cơ quan ở góc trên bên trái "
                "và tệp không ghi tác giả. Đặt trong Cài đặt → “Cơ quan ban hành cho tài liệu "
                "mới” (hoặc ở ô Cơ quan của cuộc gặp), hay trên dòng lệnh: "
                '--agency "VỤ …" --agency-parent "BỘ …".',
                "No issuing agency is set: the document has no agency name at its top left and "
                "the files name no author. Set it in Settings → “Issuing agency for new "
                "briefings” (or in the meeting's Agency field), or on the command line: "
                '--agency "…" --agency-parent "…".',
            )
        )
    notices.extend(_slot_notices(workspace, briefing, template, context))
    return notices


def _counterpart_notices(briefing: Briefing, template: Template) -> list[Notice]:
    counterpart = briefing.meeting.counterpart
    names = counterpart_names(counterpart)
    if not names["name"]:
        return []
    name = names["name"]
    if not names["known"]:
        return [
            Notice(
                "counterpart-unknown",
                f"Không nhận ra “{name}” trong danh mục quốc gia và tỉnh, thành phố: tài liệu "
                "ghi nguyên văn tên này và không kèm danh xưng. Kiểm tra lại tên (ví dụ "
                "“Hàn Quốc”, “Bắc Ninh”).",
                f"“{name}” is not a country or province the app knows: the document writes the "
                "name as typed, without an honorific. Check the name (e.g. “Hàn Quốc”, "
                "“Bắc Ninh”).",
            )
        ]
    audience = template.manifest.audience if template.manifest else ""
    wanted = AUDIENCE_KIND.get(audience)
    kind = names["kind"]
    if wanted is None or kind == wanted:
        return []
    title_vi = template.manifest.name_vi if template.manifest else template.id
    title_en = template.manifest.name_en if template.manifest else template.id
    return [
        Notice(
            "counterpart-kind",
            f"“{name}” là {_KIND_VI.get(kind, kind)}, nhưng mẫu “{title_vi}” dành cho "
            f"{_KIND_VI[wanted]}: tài liệu không dùng danh xưng của mẫu. Chọn mẫu khác hoặc "
            "đối tác khác.",
            f"“{name}” is {_KIND_EN.get(kind, kind)}, but the template “{title_en}” is for "
            f"{_KIND_EN[wanted]}: the document leaves out the template's honorifics. Choose "
            "another template or counterpart.",
        )
    ]


def _slot_notices(
    workspace: Workspace,
    briefing: Briefing,
    template: Template,
    context: Mapping[str, Any] | None,
) -> list[Notice]:
    """A slot nothing was chosen for is left out of the document: say which."""
    if template.manifest is None:
        return []
    from briefing_studio.templating.context import build_context

    try:
        if context is None:
            context = build_context(workspace, briefing, template)
    except BriefingError:  # a section no source has any more: the export itself says so
        return []
    notices = []
    for slot in context["slots"]:
        if slot["sections"]:
            continue
        notices.append(
            Notice(
                "slot-empty",
                f"Chưa chọn đoạn nào cho mục “{slot['name']}”: tài liệu bỏ qua phần nội dung "
                "của mục này.",
                f"Nothing is chosen for “{slot['name_en']}”: the document leaves that part's "
                "content out.",
            )
        )
    if not context["figures"]:
        notices.append(
            Notice(
                "figures-empty",
                "Chưa chọn số liệu nào: bảng số liệu nổi bật không có trong tài liệu.",
                "No figures are chosen: the table of key figures is left out of the document.",
            )
        )
    return notices
