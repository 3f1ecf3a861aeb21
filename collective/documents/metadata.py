"""Strip identifying metadata from uploaded documents before they are stored.

A document's properties often name its author (and whoever last edited it, their
company and manager), and comments and tracked changes carry their authors' names;
any of these could unmask a pseudonymous contributor. Every document is cleaned before
Wagtail stores it:

* PDF (with pypdf): the document information dictionary (/Author, /Creator,
  /Producer, /Title, dates...) and every XMP metadata stream and /PieceInfo are
  removed, annotation authors are dropped, embedded JPEG photos lose their EXIF, XMP
  and comments, the file identifier is replaced and the file is written anew, so
  earlier revisions and orphaned objects are gone too.
* DOCX: docProps/core.xml (creator, lastModifiedBy, title, dates...), docProps/app.xml
  (Company, Manager, template, editing time...) and docProps/custom.xml are emptied;
  comment and tracked-change authors become "Author 1", "Author 2"... with no initials
  or account ids; an attached template's path loses its folders (which name the user).
* ODT: meta.xml (creator, initial-creator, printed-by, dates, generator, user-defined
  fields...) is emptied; comment and tracked-change authors become "Author 1"...;
  printer settings and document signatures (which name the signer) are dropped.
* In DOCX and ODT, pictures (JPEG, PNG, GIF, WebP) are cleaned as uploaded images are,
  and zip entry timestamps, comments and extra fields are dropped.
* TXT and CSV carry no metadata; a "text" file that is really another format (a PDF
  or zip renamed) is refused.

A file that cannot be cleaned (damaged, encrypted or password-protected, or not really
what its extension says) raises MetadataCleaningError, with a message for the person
uploading it, and is not stored.
"""

import logging
import os
import re
import zipfile
from io import BytesIO
from xml.etree import ElementTree

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from collective.images.metadata import (
    MetadataCleaningError,
    clean_image,
    clean_jpeg,
    detect_image_format,
)

logger = logging.getLogger(__name__)

PDF_REFUSED = (
    "This PDF could not be cleaned of its author information, so it was not uploaded. "
    "It may be damaged, password-protected or not really a PDF: open it, save or print "
    "it as a new PDF without a password, and upload that."
)
DOCX_REFUSED = (
    "This Word document could not be cleaned of its author information, so it was not "
    "uploaded. It may be damaged, password-protected or not really a .docx file: open "
    "it, save it as a new .docx without a password, and upload that."
)
ODT_REFUSED = (
    "This OpenDocument text could not be cleaned of its author information, so it was "
    "not uploaded. It may be damaged, password-protected or not really an .odt file: "
    "open it, save it as a new .odt without a password, and upload that."
)
TEXT_REFUSED = (
    "This file is named as plain text but is really another kind of file (such as a PDF, "
    "a Word document or an image), which may carry its author's details, so it was not "
    "uploaded. Upload it with its real extension, or save it as plain text."
)

ZIP_BOMB_REFUSED = (
    "This file would unpack to far more than its size (or more than 64 MB), as a "
    "booby-trapped file does, so it was not uploaded. If it is a real document, save "
    "it again with smaller images, or as a PDF, and upload that."
)
# A zip that would unpack to more than this, or to more than MAX_RATIO times its own
# size, is refused before any entry is parsed (a "zip bomb"): a long document with its
# images unpacks to a few times its size, a bomb to hundreds. Entries are read through
# a bounded stream, so a zip whose directory understates its sizes is refused too.
MAX_UNZIPPED_SIZE = 64 * 1024 * 1024
MAX_RATIO = 100


def clean_document(data, filename):
    """The document ``data`` (bytes) without its metadata, in the same format.

    Which cleaner applies is decided by the extension of ``filename``. Raises
    MetadataCleaningError if the document cannot be cleaned.
    """
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    cleaner, refusal = CLEANERS.get(extension, (None, None))
    if cleaner is None:
        if extension not in PLAIN_TEXT_EXTENSIONS:
            logger.warning("No metadata cleaner for %r: stored as it is.", filename)
        return data
    try:
        return cleaner(data)
    except MetadataCleaningError:
        raise
    except Exception as error:  # a damaged file can fail in many ways, all refused
        logger.info("Could not clean the metadata of document %r: %r", filename, error)
        raise MetadataCleaningError(refusal) from error


# PDF

PDF_METADATA_KEYS = ("/Metadata", "/PieceInfo")
# What runs or carries another file: scripts run on opening, actions on pages, fields
# and annotations, attached files (which keep their own authors) and rich media.
PDF_ACTIVE_KEYS = (
    "/OpenAction",
    "/AA",
    "/JS",
    "/JavaScript",
    "/EmbeddedFiles",
    "/AF",
    "/EF",
    "/RichMediaContent",
)
# Actions a link may keep (a place in the document, an address); any other is dropped.
PDF_SAFE_ACTIONS = ("/GoTo", "/URI", "/Named")
PDF_JPEG_FILTERS = ("/DCTDecode", ["/DCTDecode"])
# Annotations whose /T is a field name rather than the name of the comment's author.
PDF_ANNOTATIONS_WITHOUT_AUTHOR = ("/Widget", "/Link")


def clean_pdf(data):
    if b"%PDF-" not in data[:1024]:
        raise ValueError("no PDF header")
    reader = PdfReader(BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise ValueError("encrypted PDF")
    page_count = len(reader.pages)
    if not page_count:
        raise ValueError("PDF without pages")

    writer = PdfWriter(clone_from=reader)
    writer.metadata = None  # the /Info dictionary
    writer._ID = None  # a new file identifier, not the one the author's copy has
    writer.generate_file_identifiers()
    _strip_pdf_objects(writer)

    output = BytesIO()
    writer.write(output)
    cleaned = output.getvalue()

    check = PdfReader(BytesIO(cleaned), strict=False)
    if check.metadata or "/Metadata" in check.root_object or len(check.pages) != page_count:
        raise ValueError("metadata left after cleaning the PDF")
    return cleaned


def _strip_pdf_objects(writer):
    """Drop metadata keys from every object reachable from the catalog, and the rest.

    Objects no longer reachable (the old /Info, XMP streams) would otherwise still be
    written out, so they are removed from the writer.
    """
    root = writer.root_object
    reachable = {root.indirect_reference.idnum}
    pending = [root]
    while pending:
        item = pending.pop()
        if isinstance(item, DictionaryObject):
            for key in PDF_METADATA_KEYS + PDF_ACTIVE_KEYS:
                item.pop(key, None)
            action = item.get("/A")
            if action is not None and action.get_object().get("/S") not in PDF_SAFE_ACTIONS:
                item.pop("/A")
            if item.get("/Subtype") == "/FileAttachment":
                item.pop("/FS", None)
            if item.get("/Subtype") not in PDF_ANNOTATIONS_WITHOUT_AUTHOR and (
                item.get("/Type") == "/Annot" or ("/Rect" in item and "/Subtype" in item)
            ):
                item.pop("/T", None)  # the comment author's name
            filters = item.get("/Filter") if isinstance(item, StreamObject) else None
            if filters in PDF_JPEG_FILTERS:
                # A JPEG photo embedded as it was taken keeps its EXIF (GPS, camera
                # serial): its segments are filtered like an uploaded JPEG's, losslessly.
                item._data = clean_jpeg(item._data)
            elif isinstance(filters, ArrayObject) and "/DCTDecode" in filters:
                # A JPEG compressed again (Flate, ASCII85...): unwrapped, cleaned, and
                # stored as a plain JPEG.
                item._data = clean_jpeg(item.get_data())
                item[NameObject("/Filter")] = NameObject("/DCTDecode")
                item.pop("/DecodeParms", None)
            children = list(item.values())
        elif isinstance(item, ArrayObject):
            children = list(item)
        else:
            continue
        for child in children:
            if isinstance(child, IndirectObject):
                if child.pdf is not writer or child.idnum in reachable:
                    continue
                reachable.add(child.idnum)
                child = child.get_object()
            pending.append(child)
    for index in range(len(writer._objects)):
        if index + 1 not in reachable:
            writer._objects[index] = None


# Zip-based formats (DOCX, ODT)


def _rewrite_zip(data, transform):
    """The zip ``data`` with each entry's content passed through ``transform``.

    ``transform(name, content)`` returns the new content, or None to drop the entry.
    Entries keep their order and compression; timestamps, comments and extra fields
    (which can name a user or record local times) are dropped.
    """
    with zipfile.ZipFile(BytesIO(data)) as source:
        entries = source.infolist()
        names = [entry.filename for entry in entries]
        if len(set(names)) != len(names):
            raise ValueError("zip with duplicate entries")
        check_unpacked_size(source, data)
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise ValueError("encrypted zip entries")
        output = BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for entry in entries:
                content = transform(entry.filename, read_bounded(source, entry))
                if content is None:
                    continue
                cleaned_entry = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
                cleaned_entry.compress_type = entry.compress_type
                cleaned_entry.external_attr = entry.external_attr & (0o40000 << 16 | 0x10)
                target.writestr(cleaned_entry, content)
    return output.getvalue()


def check_unpacked_size(source, data):
    """Refuse a zip that would unpack to too much (before anything in it is read)."""
    unpacked = sum(entry.file_size for entry in source.infolist())
    if unpacked > MAX_UNZIPPED_SIZE or unpacked > MAX_RATIO * max(len(data), 1):
        raise MetadataCleaningError(ZIP_BOMB_REFUSED)


def read_bounded(source, entry):
    """An entry's content, refused if it unpacks to more than its directory said."""
    with source.open(entry) as stream:
        content = stream.read(entry.file_size + 1)
    if len(content) > entry.file_size:
        raise ValueError("zip entry larger than its directory says")
    return content


def _check_xml(content):
    ElementTree.fromstring(content)
    return content


class Pseudonyms:
    """Replaces each distinct author name with "Author 1", "Author 2"..."""

    def __init__(self):
        self.names = {}

    def __call__(self, name):
        if not name.strip():
            return name
        return self.names.setdefault(name, f"Author {len(self.names) + 1}")


# DOCX

OOXML_RELATIONSHIPS = "_rels/.rels"
EMPTY_CORE_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
EMPTY_APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'docPropsVTypes"/>'
)
EMPTY_CUSTOM_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'docPropsVTypes"/>'
)
# Relationship types (transitional and strict) of the package's property parts.
OOXML_PROPERTY_PARTS = {
    "core-properties": EMPTY_CORE_PROPERTIES,
    "extended-properties": EMPTY_APP_PROPERTIES,
    "extendedProperties": EMPTY_APP_PROPERTIES,
    "custom-properties": EMPTY_CUSTOM_PROPERTIES,
    "customProperties": EMPTY_CUSTOM_PROPERTIES,
}
OOXML_DEFAULT_PROPERTY_PARTS = {
    "docProps/core.xml": EMPTY_CORE_PROPERTIES,
    "docProps/app.xml": EMPTY_APP_PROPERTIES,
    "docProps/custom.xml": EMPTY_CUSTOM_PROPERTIES,
}
RELATIONSHIP_TAG = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

# An author or initials attribute, in double or single quotes.
WORD_AUTHOR = re.compile(r"""(\s[A-Za-z0-9]+:author\s*=\s*)(["'])(.*?)(\2)""", re.DOTALL)
WORD_INITIALS = re.compile(r"""(\s[A-Za-z0-9]+:initials\s*=\s*)(["']).*?(\2)""", re.DOTALL)
WORD_PRESENCE = re.compile(r"<w15:presenceInfo\b[^>]*?(?:/>|>.*?</w15:presenceInfo>)", re.DOTALL)
RELATIONSHIP_ELEMENT = re.compile(r"<Relationship\b[^>]*>")
RELATIONSHIP_TARGET = re.compile(r'(\sTarget=")([^"]*)(")')


def _ooxml_parts(source_zip):
    """The property parts to empty, and the main document part, from _rels/.rels."""
    relationships = ElementTree.fromstring(source_zip.read(OOXML_RELATIONSHIPS))
    property_parts = dict(OOXML_DEFAULT_PROPERTY_PARTS)
    main_part = None
    for relationship in relationships.iter(RELATIONSHIP_TAG):
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        target = relationship.get("Target", "").lstrip("/")
        if kind in OOXML_PROPERTY_PARTS:
            property_parts[target] = OOXML_PROPERTY_PARTS[kind]
        elif kind == "officeDocument":
            main_part = target
    return property_parts, main_part


# Custom XML parts (document-management data: often a display name and an email) are
# dropped, with the relationships and content types that name them.
CUSTOM_XML = "customXml/"
CUSTOM_XML_REFERENCE = re.compile(
    r"<(?:Relationship|Override)\b[^>]*customXml/[^>]*?/>|<(?:Relationship|Override)\b[^>]*customXml/[^>]*>\s*</(?:Relationship|Override)>"
)
EMBEDDED_REFUSED = (
    "This document has another file inside it ({name}) that could not be cleaned of its "
    "author information, so it was not uploaded. Remove the embedded file (or save it as "
    "a picture), or save the document as a PDF, and upload that."
)
# Raster pictures that carry EXIF and that the image cleaner does not rewrite.
UNCLEANABLE_PICTURES = (b"II*\x00", b"MM\x00*", b"BM")


def _clean_part_file(name, content, cleaners):
    """A file inside a document: a picture cleaned like an upload; a document of a kind
    cleaned here, cleaned (recursively); anything else that may carry an author,
    refused."""
    if detect_image_format(content) is not None:
        return clean_image(content)
    if content.startswith(UNCLEANABLE_PICTURES):
        raise MetadataCleaningError(EMBEDDED_REFUSED.format(name=name))
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension in cleaners:
        try:
            return cleaners[extension](content)
        except MetadataCleaningError:
            raise
        except Exception as error:
            raise MetadataCleaningError(EMBEDDED_REFUSED.format(name=name)) from error
    return None


def clean_docx(data):
    with zipfile.ZipFile(BytesIO(data)) as source:
        check_unpacked_size(source, data)
        names = set(source.namelist())
        if "[Content_Types].xml" not in names or OOXML_RELATIONSHIPS not in names:
            raise ValueError("not an Office Open XML package")
        property_parts, main_part = _ooxml_parts(source)
        if main_part is None or not main_part.startswith("word/") or main_part not in names:
            raise ValueError("not a Word document")

    pseudonyms = Pseudonyms()

    def transform(name, content):
        if name in property_parts:
            return property_parts[name]
        if name.startswith(CUSTOM_XML):
            return None
        if name == "[Content_Types].xml" or name.endswith(".rels"):
            content = CUSTOM_XML_REFERENCE.sub("", content.decode("utf-8")).encode("utf-8")
        if name.startswith("word/embeddings/"):
            cleaned = _clean_part_file(name, content, {"docx": clean_docx, "odt": clean_odt})
            if cleaned is None:
                raise MetadataCleaningError(EMBEDDED_REFUSED.format(name=name))
            return cleaned
        if name.startswith("word/") and name.endswith(".xml"):
            text = content.decode("utf-8")
            text = WORD_AUTHOR.sub(lambda m: m[1] + m[2] + pseudonyms(m[3]) + m[4], text)
            text = WORD_INITIALS.sub(r"\1\2\3", text)
            text = WORD_PRESENCE.sub("", text)
            return _check_xml(text.encode("utf-8"))
        if name.endswith(".rels"):
            text = RELATIONSHIP_ELEMENT.sub(_strip_template_folder, content.decode("utf-8"))
            return _check_xml(text.encode("utf-8"))
        if name.endswith(".xml"):
            return _check_xml(content)
        cleaned = _clean_part_file(name, content, {})
        return content if cleaned is None else cleaned

    return _rewrite_zip(data, transform)


def _strip_template_folder(match):
    """An attached template's relationship, with its file name only (no user folder)."""
    element = match[0]
    if "/attachedTemplate" not in element:
        return element
    return RELATIONSHIP_TARGET.sub(lambda m: m[1] + re.split(r"[\\/]", m[2])[-1] + m[3], element)


# ODT

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ODF_DROPPED_ENTRIES = {"META-INF/documentsignatures.xml", "META-INF/macrosignatures.xml"}
ODF_VERSION = re.compile(rb'office:version="([^"]*)"')
ODF_CREATOR = re.compile(r"(<dc:creator>)(.*?)(</dc:creator>)", re.DOTALL)
ODF_INITIALS = re.compile(
    r"(<meta:creator-initials>).*?(</meta:creator-initials>)|<meta:creator-initials/>",
    re.DOTALL,
)
ODF_PRINTER = re.compile(  # an element with content, not an empty <... />
    r'(<config:config-item config:name="(?:PrinterName|PrinterSetup|PrinterPaperFromSetup)"'
    r"[^>]*[^/>]>)[^<]*(</config:config-item>)"
)


def _empty_odf_meta(content):
    version = ODF_VERSION.search(content)
    version_attribute = b' office:version="%s"' % version[1] if version else b""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
        b' xmlns:dc="http://purl.org/dc/elements/1.1/"%s><office:meta/></office:document-meta>'
        % version_attribute
    )


def clean_odt(data):
    with zipfile.ZipFile(BytesIO(data)) as source:
        check_unpacked_size(source, data)
        entries = source.infolist()
        if not entries or entries[0].filename != "mimetype":
            raise ValueError("no mimetype entry first")
        if read_bounded(source, source.getinfo("mimetype")).strip() != ODT_MIMETYPE:
            raise ValueError("not an OpenDocument text")
        if b"encryption-data" in read_bounded(source, source.getinfo("META-INF/manifest.xml")):
            raise ValueError("password-protected OpenDocument")

    pseudonyms = Pseudonyms()

    def transform(name, content):
        if name in ODF_DROPPED_ENTRIES:
            return None
        if name == "meta.xml" or name.endswith("/meta.xml"):  # an embedded object's too
            return _empty_odf_meta(content)
        if name.rsplit("/", 1)[-1] in ("content.xml", "styles.xml"):
            text = content.decode("utf-8")
            text = ODF_CREATOR.sub(lambda m: m[1] + pseudonyms(m[2]) + m[3], text)
            text = ODF_INITIALS.sub(lambda m: (m[1] or "") + (m[2] or ""), text)
            return _check_xml(text.encode("utf-8"))
        if name.rsplit("/", 1)[-1] == "settings.xml":
            return _check_xml(ODF_PRINTER.sub(r"\1\2", content.decode("utf-8")).encode("utf-8"))
        cleaned = _clean_part_file(name, content, {"odt": clean_odt, "docx": clean_docx})
        return content if cleaned is None else cleaned

    return _rewrite_zip(data, transform)


# Plain text

PLAIN_TEXT_EXTENSIONS = {"txt", "csv"}
BINARY_SIGNATURES = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",  # OLE: old Office files, and password-protected new ones
    b"\xff\xd8\xff",
    b"\x89PNG",
    b"GIF8",
    b"RIFF",
    b"{\\rtf",
)
UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def check_plain_text(data):
    """Plain text carries no metadata, but a renamed PDF or zip would keep its own."""
    if data.lstrip()[:8].startswith(BINARY_SIGNATURES) or (
        b"\x00" in data and not data.startswith(UNICODE_BOMS)
    ):
        raise MetadataCleaningError(TEXT_REFUSED)
    return data


CLEANERS = {
    "pdf": (clean_pdf, PDF_REFUSED),
    "docx": (clean_docx, DOCX_REFUSED),
    "odt": (clean_odt, ODT_REFUSED),
    "txt": (check_plain_text, TEXT_REFUSED),
    "csv": (check_plain_text, TEXT_REFUSED),
}
