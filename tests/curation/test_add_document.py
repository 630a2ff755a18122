"""Adding a document: every format (Markdown, text, HTML, a real PDF) gives the right paragraphs and
anchors through the one generic parser; a bad file is refused with its name and changes nothing; the
document is then stored like the five sources (reader, search, files)."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from geodata.models import Document, Paragraph, Section
from tests.curation import documents as docs
from tests.curation.forms import error_of, form_fields

pytestmark = pytest.mark.django_db
SLUG = "jica-press-2020-03-24"
OPTIONS = {"slug": SLUG, "title": "Signing of Japanese ODA Loan Agreement with Viet Nam",
           "date": "2020-03-24", "publisher": "Japan International Cooperation Agency",
           "kind": "press-release", "url": "https://www.jica.go.jp/english/news/press/2020/example.html"}


def add(tmp_path, name: str, content: bytes | str, **options) -> Document:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    call_command("add_document", path, stdout=StringIO(), **(OPTIONS | options))
    return Document.objects.get(slug=options.get("slug", SLUG))


def paragraphs(document: Document) -> list[tuple[str, str, str]]:
    return [(p.anchor, p.kind, p.text) for p in document.paragraphs.order_by("order")]


def test_markdown_gives_paragraphs_in_reading_order_with_stable_anchors(tmp_path):
    document = add(tmp_path, "press.md", docs.PRESS_RELEASE_MD)
    rows = paragraphs(document)
    assert [a for a, _, _ in rows] == [f"jica-press-2020-03-24-{n:02d}" for n in range(1, 5)]
    assert rows[0][2].startswith("On March 24, 2020, the Japan International Cooperation Agency")
    assert rows[0][2].endswith("Construction Project (Line 1).")
    # A page break inside a sentence is joined, as in the five sources.
    assert rows[1][2] == ("The project builds the first metro line of Ho Chi Minh City, from Ben Thanh to "
                          "Suoi Tien, and is expected to ease traffic congestion in the city.")
    assert [k for _, k, _ in rows] == ["prose", "prose", "bullet", "bullet"]
    assert document.paragraphs.get(anchor=f"{SLUG}-04").section_path.endswith("Related projects")
    assert (document.kind, document.origin, document.source_format, document.year) == (
        "press-release", "added", "markdown", 2020)


def test_numbered_paragraphs_keep_their_printed_numbers(tmp_path):
    document = add(tmp_path, "statement.md", docs.NUMBERED_STATEMENT_MD, slug="mj-fmm-2025", kind="statement")
    assert [(a, k) for a, k, _ in paragraphs(document)] == [
        ("mj-fmm-2025-1", "numbered"), ("mj-fmm-2025-2", "numbered"), ("mj-fmm-2025-3", "numbered")]
    assert Section.objects.filter(document=document, title="Annex").exists()


def test_plain_text_joins_wrapped_lines_and_reads_bullet_characters(tmp_path):
    document = add(tmp_path, "press.txt", docs.PRESS_RELEASE_TEXT)
    rows = paragraphs(document)
    assert len(rows) == 3
    assert "ODA loans of up to 11.715 billion yen for the Ho Chi Minh City" in rows[0][2]
    assert rows[1] == (f"{SLUG}-02", "bullet", "The Neak Loeung Bridge in Cambodia was opened in April 2015.")
    assert rows[2][1] == "bullet"


def test_html_keeps_the_main_text_only(tmp_path):
    document = add(tmp_path, "press.html", docs.PRESS_RELEASE_HTML)
    rows = paragraphs(document)
    texts = [t for _, _, t in rows]
    assert texts[0].startswith("On March 24, 2020")
    assert "Japanese ODA loans of up to 11.715 billion yen" in texts[0]
    assert "The Neak Loeung Bridge in Cambodia" in texts
    assert "opened in April 2015" in texts  # the nested item is its own (nested) bullet
    nested = document.paragraphs.get(text="opened in April 2015")
    assert nested.parent.text == "The Neak Loeung Bridge in Cambodia"
    # A paragraph after a list is not joined to the last bullet (HTML marks its blocks).
    assert texts[-1] == "Contact: JICA Press Office"
    assert not any("Home" in t or "Copyright" in t or "tracking" in t or "color" in t for t in texts)


def test_a_pdf_made_with_a_real_writer_gives_its_text_layer_and_joins_the_page_break(tmp_path):
    pdf = docs.press_release_pdf(pages_text=[
        "Signing of Japanese ODA Loan Agreement\n\nOn March 24, 2020, JICA signed a loan agreement with the "
        "Government of Viet Nam to provide Japanese ODA loans of up to 11.715 billion yen for the",
        "Ho Chi Minh City Urban Railway Construction Project (Line 1).\n\nThe line runs from Ben Thanh "
        "to Suoi Tien.",
    ])
    document = add(tmp_path, "press.pdf", pdf)
    rows = paragraphs(document)
    assert [a for a, _, _ in rows] == [f"{SLUG}-01", f"{SLUG}-02"]
    assert rows[0][2].startswith("On March 24, 2020, JICA signed a loan agreement")
    assert rows[0][2].endswith("11.715 billion yen for the Ho Chi Minh City Urban Railway Construction "
                               "Project (Line 1).")
    assert rows[1][2] == "The line runs from Ben Thanh to Suoi Tien."
    assert document.source_format == "pdf"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("scan.pdf", docs.image_only_pdf(), "scan.pdf: the file has no text layer (a scanned image?)"),
    ("empty.md", "", "empty.md: the file is empty"),
    ("blank.txt", "   \n\n  ", "blank.txt: the file is empty"),
    ("latin1.txt", "Caf\xe9 du port".encode("latin-1"), "latin1.txt: not valid UTF-8 text (line 1)"),
    ("photo.jpg", b"\xff\xd8\xff\xe0", "photo.jpg: unsupported file type '.jpg'"),
    ("fake.pdf", b"<html>not a pdf</html>", "fake.pdf: not a PDF file"),
])
def test_an_unreadable_file_is_refused_with_its_name_and_nothing_is_written(tmp_path, name, content, message):
    with pytest.raises(CommandError) as error:
        add(tmp_path, name, content)
    assert message in str(error.value) and "nothing was written" in str(error.value)
    assert not Document.objects.exists() and not Paragraph.objects.exists()


def test_a_duplicate_slug_is_refused_and_the_first_document_is_kept(tmp_path):
    add(tmp_path, "press.md", docs.PRESS_RELEASE_MD)
    message = "other.md: slug: a document with the slug 'jica-press-2020-03-24' exists already"
    with pytest.raises(CommandError, match=message):
        add(tmp_path, "other.md", "A different text about the same day.")
    assert Document.objects.count() == 1
    assert Paragraph.objects.count() == 4


def test_a_bad_date_is_refused_naming_the_file_and_field(tmp_path):
    with pytest.raises(CommandError, match=r"press.md: date: '2020-02-30' is not a date"):
        add(tmp_path, "press.md", docs.PRESS_RELEASE_MD, date="2020-02-30")
    assert not Document.objects.exists()


def test_an_added_document_is_read_searched_and_kept_like_the_sources(client, tmp_path):
    add(tmp_path, "press.md", docs.PRESS_RELEASE_MD)
    reader = client.get(f"/sources/{SLUG}/").content.decode()
    assert f'id="{SLUG}-01"' in reader and "11.715 billion yen" in reader
    assert "JICA" in client.get("/sources/").content.decode() or "Signing of Japanese ODA" in \
        client.get("/sources/").content.decode()
    found = client.get("/api/paragraphs", {"q": "metro line"}).json()
    assert [r["anchor"] for r in found["results"]] == [f"{SLUG}-02"]
    # import_sources (run by `make run`) does not delete a document the manifest does not list yet.
    call_command("import_sources", stdout=StringIO())
    assert Document.objects.filter(slug=SLUG).exists()


def test_the_dump_writes_the_added_document_and_importing_the_dump_keeps_its_anchors(tmp_path):
    document = add(tmp_path, "press.pdf", docs.press_release_pdf(pages_text=[
        "On March 24, 2020, JICA signed a loan agreement.", "The line runs from Ben Thanh to Suoi Tien."]))
    anchors = paragraphs(document)
    out = tmp_path / "dump"
    call_command("dump_geodata", out=out, stdout=StringIO())
    manifest = (out / "sources" / "manifest.toml").read_text(encoding="utf-8")
    assert f'slug = "{SLUG}"' in manifest
    assert 'parser = "generic"' in manifest and 'format = "pdf"' in manifest
    assert (out / "sources" / f"{SLUG}.md").read_text(encoding="utf-8") == document.text
    document.delete()
    call_command("import_sources", source_dir=out / "sources", stdout=StringIO())
    imported = Document.objects.get(slug=SLUG)
    assert paragraphs(imported) == anchors
    assert (imported.origin, imported.kind, imported.url) == ("manifest", "press-release", OPTIONS["url"])
    stdout = StringIO()
    call_command("import_sources", source_dir=out / "sources", stdout=stdout)
    assert "Sources unchanged" in stdout.getvalue()


def test_a_curator_uploads_a_document_in_the_admin(admin_client):
    page = admin_client.get("/admin/geodata/document/add/")
    data = form_fields(page.content) | {
        "slug": SLUG, "title": OPTIONS["title"], "date_text": "2020-03-24", "publisher": "JICA",
        "kind": "press-release", "file": SimpleUploadedFile("press.html", docs.PRESS_RELEASE_HTML.encode()),
    }
    response = admin_client.post("/admin/geodata/document/add/", data)
    assert response.status_code == 302, error_of(response.content, "file")
    document = Document.objects.get(slug=SLUG)
    assert document.paragraphs.count() == 5
    assert document.history.count() == 1


def test_an_unreadable_upload_is_refused_next_to_the_file_field(admin_client):
    page = admin_client.get("/admin/geodata/document/add/")
    data = form_fields(page.content) | {
        "slug": SLUG, "title": OPTIONS["title"], "date_text": "2020-03-24", "publisher": "JICA",
        "file": SimpleUploadedFile("scan.pdf", docs.image_only_pdf()),
    }
    response = admin_client.post("/admin/geodata/document/add/", data)
    assert response.status_code == 200
    assert "scan.pdf: the file has no text layer" in error_of(response.content, "file")
    assert not Document.objects.exists()
