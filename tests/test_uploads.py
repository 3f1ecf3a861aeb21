"""Uploads lose the metadata that could unmask a pseudonymous contributor.

Files go through the real admin views as a signed-in superuser, and what a reader can
download (the stored original, renditions, the document serve view) is read back and
searched for the author's name, the GPS position and the camera serial number.
"""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from collective.documents.models import CollectiveDocument
from collective.images.metadata import MetadataCleaningError
from collective.images.models import CollectiveImage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

AUTHOR = "Jane Q. Secretname"
SERIAL = "SN-99887766"
GPS_LATITUDE = (51.0, 30.0, 26.4)
IMAGE_REFUSAL = "could not be cleaned of its location, camera and author information"
PDF_REFUSAL = "This PDF could not be cleaned of its author information, so it was not uploaded."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def admin(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def upload(data, name):
    file = io.BytesIO(data)
    file.name = name
    return file


def stored_files(media, folder):
    path = media / folder
    return sorted(p.name for p in path.iterdir()) if path.exists() else []


def read_stored(field_file):
    with default_storage.open(field_file.name, "rb") as f:
        return f.read()


def sha1(data):
    return hashlib.sha1(data).hexdigest()


# Images


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def tagged_exif(orientation):
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = AUTHOR
    exif[ExifTags.Base.Copyright] = AUTHOR
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Camera Maker"
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: GPS_LATITUDE,
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (0.0, 7.0, 39.0),
    }
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    return exif


def gps_jpeg(orientation=6):
    """A 60×40 JPEG, red with a blue block at its top left, stored sideways.

    With orientation 6 it is to be shown turned a quarter clockwise: 40 wide, 60 high,
    the blue block at the top right.
    """
    picture = Image.new("RGB", (60, 40), (220, 30, 30))
    picture.paste((30, 30, 220), (0, 0, 30, 12))
    output = io.BytesIO()
    picture.save(
        output,
        "JPEG",
        quality=92,
        exif=tagged_exif(orientation),
        icc_profile=SRGB,
        comment=f"Shot by {AUTHOR}".encode(),
        xmp=f"<x:xmpmeta><dc:creator>{AUTHOR}</dc:creator></x:xmpmeta>".encode(),
    )
    data = output.getvalue()
    assert AUTHOR.encode() in data and SERIAL.encode() in data
    return data


def assert_no_image_metadata(data):
    """No EXIF (GPS, artist, serial, orientation), XMP, comment or text in ``data``."""
    with Image.open(io.BytesIO(data)) as picture:
        exif = picture.getexif()
        assert ExifTags.Base.GPSInfo not in exif
        assert ExifTags.Base.Artist not in exif
        assert ExifTags.Base.Orientation not in exif
        assert ExifTags.Base.BodySerialNumber not in exif.get_ifd(ExifTags.IFD.Exif)
        assert not exif
        assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(picture.info)
        if picture.format == "PNG":
            assert not picture.text
    assert AUTHOR.encode() not in data
    assert SERIAL.encode() not in data
    assert b"Camera Maker" not in data


def assert_upright(data):
    with Image.open(io.BytesIO(data)) as picture:
        picture = picture.convert("RGB")
        width, height = picture.size
        assert height > width
        top_right = picture.getpixel((width - 3, 3))
        top_left = picture.getpixel((3, 3))
        bottom_right = picture.getpixel((width - 3, height - 3))
    assert top_right[2] > 150 and top_right[0] < 100, top_right  # blue
    assert top_left[0] > 150 and top_left[2] < 100, top_left  # red
    assert bottom_right[0] > 150 and bottom_right[2] < 100, bottom_right


def assert_file_fields_match(item, data):
    assert item.file_size == len(data)
    assert item.file_hash == sha1(data)


def test_gps_tagged_jpeg_is_stored_and_rendered_without_metadata(admin, media):
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Demo", "file": upload(gps_jpeg(), "demo.jpg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = CollectiveImage.objects.get(title="Demo")

    original = read_stored(image.file)
    assert_no_image_metadata(original)
    assert_upright(original)
    with Image.open(io.BytesIO(original)) as picture:
        assert picture.format == "JPEG"
        assert picture.info.get("icc_profile") == SRGB
        assert picture.size == (40, 60)
    assert (image.width, image.height) == (40, 60)
    assert_file_fields_match(image, original)
    assert stored_files(media, "original_images") == [image.file.name.split("/")[-1]]

    for filter_spec in ("width-100", "width-30|format-webp"):
        rendition = image.get_rendition(filter_spec)
        rendered = read_stored(rendition.file)
        assert_no_image_metadata(rendered)
        assert_upright(rendered)
    with Image.open(io.BytesIO(rendered)) as picture:
        assert picture.format == "WEBP"


def test_upright_jpeg_is_cleaned_without_re_encoding(admin):
    data = gps_jpeg(orientation=1)
    response = admin.post(
        reverse("wagtailimages:add"), {"title": "Upright", "file": upload(data, "up.jpg")}
    )
    assert response.status_code == 302
    stored = read_stored(CollectiveImage.objects.get(title="Upright").file)
    assert_no_image_metadata(stored)
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(stored)) as after:
        assert after.size == (60, 40)
        assert after.tobytes() == before.tobytes()  # the same pixels, not re-compressed


def test_png_author_text_is_dropped_losslessly(admin):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", AUTHOR)
    text.add_itxt("Comment", f"Drawn by {AUTHOR}", zip=True)
    picture = Image.new("RGBA", (16, 16), (10, 200, 30, 128))
    output = io.BytesIO()
    picture.save(output, "PNG", pnginfo=text, icc_profile=SRGB)
    data = output.getvalue()
    assert AUTHOR.encode() in data

    response = admin.post(
        reverse("wagtailimages:add"), {"title": "Drawing", "file": upload(data, "drawing.png")}
    )
    assert response.status_code == 302
    image = CollectiveImage.objects.get(title="Drawing")
    stored = read_stored(image.file)
    assert_no_image_metadata(stored)
    with Image.open(io.BytesIO(stored)) as after:
        assert after.format == "PNG"
        assert after.mode == "RGBA"
        assert after.info.get("icc_profile") == SRGB
        assert after.tobytes() == picture.tobytes()
    assert_file_fields_match(image, stored)
    assert_no_image_metadata(read_stored(image.get_rendition("width-8").file))


def test_multiple_upload_route_cleans_the_image(admin):
    response = admin.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload(gps_jpeg(), "batch.jpg")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    result = json.loads(response.content)
    assert result["success"], result
    image = CollectiveImage.objects.get(pk=result["image_id"])
    stored = read_stored(image.file)
    assert_no_image_metadata(stored)
    assert_upright(stored)
    assert_file_fields_match(image, stored)
    assert (image.width, image.height) == (40, 60)


def test_chooser_upload_route_cleans_the_image(admin):
    response = admin.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Chosen",
            "image-chooser-upload-file": upload(gps_jpeg(), "chosen.jpg"),
        },
    )
    assert response.status_code == 200
    image = CollectiveImage.objects.get(title="Chosen")
    stored = read_stored(image.file)
    assert_no_image_metadata(stored)
    assert_file_fields_match(image, stored)


def test_replacing_an_image_file_cleans_the_new_file(admin):
    first = Image.new("RGB", (8, 8), "white")
    output = io.BytesIO()
    first.save(output, "PNG")
    image = CollectiveImage.objects.create(
        title="Replace me", file=ContentFile(output.getvalue(), name="first.png")
    )
    response = admin.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {"title": "Replaced", "file": upload(gps_jpeg(), "second.jpg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image.refresh_from_db()
    stored = read_stored(image.file)
    assert_no_image_metadata(stored)
    assert_file_fields_match(image, stored)
    assert (image.width, image.height) == (40, 60)


def test_images_created_in_code_are_cleaned(media):
    image = CollectiveImage.objects.create(
        title="Scripted", file=ContentFile(gps_jpeg(), name="scripted.jpg")
    )
    stored = read_stored(image.file)
    assert_no_image_metadata(stored)
    assert_file_fields_match(image, stored)
    assert (image.width, image.height) == (40, 60)

    # A file put in storage before the image is saved (as Wagtail does when an upload
    # waits for its details) is cleaned where it lies, and the raw copy removed.
    later = CollectiveImage(title="Stored first")
    later.file.save("stored-first.jpg", ContentFile(gps_jpeg()), save=False)
    raw_name = later.file.name
    later.save()
    stored = read_stored(later.file)
    assert_no_image_metadata(stored)
    assert_file_fields_match(later, stored)
    assert not default_storage.exists(raw_name) or raw_name == later.file.name
    assert sorted(stored_files(media, "original_images")) == sorted(
        name.split("/")[-1] for name in (image.file.name, later.file.name)
    )


def test_animated_gif_keeps_its_frames_but_not_its_comment(admin):
    frames = [Image.new("RGB", (10, 10), colour).convert("P") for colour in ("red", "blue")]
    output = io.BytesIO()
    frames[0].save(
        output,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 250],
        loop=0,
        comment=AUTHOR.encode(),
    )
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Animation", "file": upload(output.getvalue(), "anim.gif")},
    )
    assert response.status_code == 302
    stored = read_stored(CollectiveImage.objects.get(title="Animation").file)
    assert_no_image_metadata(stored)
    with Image.open(io.BytesIO(stored)) as after:
        assert after.n_frames == 2
        after.seek(1)
        assert after.info["duration"] == 250


def test_svg_is_refused_with_a_clear_message(admin, media):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>x</title></svg>'
    response = admin.post(
        reverse("wagtailimages:add"), {"title": "Vector", "file": upload(svg, "logo.svg")}
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not CollectiveImage.objects.exists()
    assert stored_files(media, "original_images") == []


def damaged_jpegs():
    data = gps_jpeg(orientation=1)
    scan = data.index(b"\xff\xda")
    return {
        "cut in its header": data[:scan] + b"\xff\xda\x00",
        "cut in its image data": data[: scan + 40],
    }


@pytest.mark.parametrize("damage", ["cut in its header", "cut in its image data"])
def test_damaged_image_is_refused_with_a_clear_message(admin, media, damage):
    damaged = damaged_jpegs()[damage]
    response = admin.post(
        reverse("wagtailimages:add"), {"title": "Damaged", "file": upload(damaged, "bad.jpg")}
    )
    assert response.status_code == 200
    assert IMAGE_REFUSAL in response.content.decode()
    assert not CollectiveImage.objects.exists()
    assert stored_files(media, "original_images") == []


def test_model_refuses_an_image_it_cannot_clean(media):
    with pytest.raises(MetadataCleaningError):
        CollectiveImage.objects.create(
            title="Not an image", file=ContentFile(b"<svg></svg>", name="x.svg")
        )
    assert not CollectiveImage.objects.exists()
    assert stored_files(media, "original_images") == []


# Documents


def authored_pdf():
    """A one-page PDF naming its author in its info, its XMP and an embedded photo's EXIF."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    photo = DecodedStreamObject()
    photo.set_data(gps_jpeg(orientation=1))
    photo.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(60),
            NameObject("/Height"): NumberObject(40),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject(
                {NameObject("/Photo"): writer._add_object(photo)}
            )
        }
    )
    writer.add_metadata(
        {
            "/Author": AUTHOR,
            "/Creator": f"Word for {AUTHOR}",
            "/Producer": "Secret Producer 1.0",
            "/Title": f"Notes by {AUTHOR}",
        }
    )
    xmp = DecodedStreamObject()
    xmp.set_data(f"<x:xmpmeta><dc:creator>{AUTHOR}</dc:creator></x:xmpmeta>".encode())
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    writer.root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    output = io.BytesIO()
    writer.write(output)
    data = output.getvalue()
    assert AUTHOR.encode() in data and SERIAL.encode() in data
    return data


def download(document):
    """The document as an anonymous reader gets it."""
    response = Client().get(document.url)
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_pdf_author_is_gone_from_the_served_document(admin):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Minutes", "file": upload(authored_pdf(), "minutes.pdf")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = CollectiveDocument.objects.get(title="Minutes")
    served = download(document)

    assert AUTHOR.encode() not in served
    assert SERIAL.encode() not in served
    assert b"Secret Producer" not in served
    reader = PdfReader(io.BytesIO(served))
    assert not reader.metadata
    assert "/Metadata" not in reader.root_object
    assert reader.xmp_metadata is None
    assert len(reader.pages) == 1
    photo = reader.pages[0]["/Resources"]["/XObject"]["/Photo"]
    assert_no_image_metadata(photo._data)  # the JPEG as stored in the PDF
    with Image.open(io.BytesIO(photo._data)) as picture:
        assert picture.size == (60, 40)
    assert served == read_stored(document.file)
    assert_file_fields_match(document, served)


def docx_with_author():
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>The motion was carried.</w:t></w:r></w:p>"
            f'<w:p><w:ins w:id="1" w:author="{AUTHOR}" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>Unanimously.</w:t></w:r></w:ins></w:p></w:body></w:document>"
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:creator>{AUTHOR}</dc:creator>"
            f"<cp:lastModifiedBy>{AUTHOR}</cp:lastModifiedBy>"
            "</cp:coreProperties>"
        ),
        "docProps/app.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Company>Secret Employer Ltd</Company>'
            f"<Manager>{AUTHOR}</Manager></Properties>"
        ),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in files.items():
            package.writestr(name, text)
        package.writestr("word/media/image1.jpg", gps_jpeg())
    return output.getvalue()


def test_docx_author_fields_are_gone(admin):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Report", "file": upload(docx_with_author(), "report.docx")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = CollectiveDocument.objects.get(title="Report")
    served = download(document)

    with zipfile.ZipFile(io.BytesIO(served)) as package:
        contents = {name: package.read(name) for name in package.namelist()}
    for name, content in contents.items():
        assert AUTHOR.encode() not in content, name
        assert b"Secret Employer" not in content, name
    assert b"creator" not in contents["docProps/core.xml"]
    assert b"lastModifiedBy" not in contents["docProps/core.xml"]
    assert b"Company" not in contents["docProps/app.xml"]
    assert b"Manager" not in contents["docProps/app.xml"]
    assert b"The motion was carried." in contents["word/document.xml"]
    assert b'w:author="Author 1"' in contents["word/document.xml"]
    assert_no_image_metadata(contents["word/media/image1.jpg"])
    assert_file_fields_match(document, served)


def odt_with_author():
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        package.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        package.writestr(
            "meta.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="{office}"'
            ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
            f"<meta:initial-creator>{AUTHOR}</meta:initial-creator>"
            f"<dc:creator>{AUTHOR}</dc:creator>"
            "<meta:generator>LibreOffice/24.2$Linux</meta:generator>"
            "</office:meta></office:document-meta>",
        )
        package.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<office:document-content xmlns:office="{office}"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">'
            "<office:body><office:text><text:p>The motion was carried."
            f"<office:annotation><dc:creator>{AUTHOR}</dc:creator>"
            "<text:p>Check the count.</text:p></office:annotation></text:p>"
            "</office:text></office:body></office:document-content>",
        )
        package.writestr(
            "settings.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-settings'
            f' xmlns:office="{office}"'
            ' xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings>'
            '<config:config-item-set config:name="ooo:configuration-settings">'
            '<config:config-item config:name="PrinterName" config:type="string"/>'
            '<config:config-item config:name="PrinterSetup" config:type="base64Binary">'
            "U2VjcmV0bmFtZSBwcmludGVy</config:config-item>"
            "</config:config-item-set></office:settings></office:document-settings>",
        )
    return output.getvalue()


def test_odt_author_fields_are_gone(admin):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Motion", "file": upload(odt_with_author(), "motion.odt")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = CollectiveDocument.objects.get(title="Motion")
    served = download(document)

    with zipfile.ZipFile(io.BytesIO(served)) as package:
        first = package.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        contents = {name: package.read(name) for name in package.namelist()}
    for name, content in contents.items():
        assert AUTHOR.encode() not in content, name
    assert b"initial-creator" not in contents["meta.xml"]
    assert b"generator" not in contents["meta.xml"]
    assert b"The motion was carried." in contents["content.xml"]
    assert b"<dc:creator>Author 1</dc:creator>" in contents["content.xml"]
    assert b"U2VjcmV0bmFtZSBwcmludGVy" not in contents["settings.xml"]  # the printer's name
    assert_file_fields_match(document, served)


def test_multiple_document_upload_route_cleans_the_pdf(admin):
    response = admin.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload(authored_pdf(), "batch.pdf")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    result = json.loads(response.content)
    assert result["success"], result
    document = CollectiveDocument.objects.get(pk=result["doc_id"])
    served = download(document)
    assert AUTHOR.encode() not in served
    assert not PdfReader(io.BytesIO(served)).metadata
    assert_file_fields_match(document, served)


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(authored_pdf())))
    writer.encrypt("a password")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.7\nthis is not really a PDF at all", "corrupt.pdf", PDF_REFUSAL),
        (b"not even pretending", "fake.pdf", PDF_REFUSAL),
        (None, "locked.pdf", PDF_REFUSAL),
        (b"PK\x03\x04 a broken zip", "broken.docx", "This Word document could not be cleaned"),
        (b"just some text", "fake.odt", "This OpenDocument text could not be cleaned"),
        (b"%PDF-1.7\n...", "renamed.txt", "is really another kind of file"),
    ],
)
def test_document_that_cannot_be_cleaned_is_refused(admin, media, data, name, message):
    data = encrypted_pdf() if data is None else data
    response = admin.post(
        reverse("wagtaildocs:add"), {"title": "Refused", "file": upload(data, name)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CollectiveDocument.objects.exists()
    assert stored_files(media, "documents") == []


def test_plain_text_is_stored_as_it_is(admin):
    data = b"date,motion\n2024-01-01,carried\n"
    response = admin.post(
        reverse("wagtaildocs:add"), {"title": "Votes", "file": upload(data, "votes.csv")}
    )
    assert response.status_code == 302
    document = CollectiveDocument.objects.get(title="Votes")
    assert download(document) == data
    assert_file_fields_match(document, data)


def test_documents_created_in_code_are_cleaned(media):
    document = CollectiveDocument.objects.create(
        title="Scripted", file=ContentFile(authored_pdf(), name="scripted.pdf")
    )
    stored = read_stored(document.file)
    assert AUTHOR.encode() not in stored
    assert_file_fields_match(document, stored)
    with pytest.raises(MetadataCleaningError):
        CollectiveDocument.objects.create(
            title="Broken", file=ContentFile(b"%PDF-1.7 broken", name="broken.pdf")
        )
    assert list(CollectiveDocument.objects.values_list("title", flat=True)) == ["Scripted"]


# Names


def test_an_upload_is_stored_and_served_under_a_random_name(admin, media):
    """The uploader's own file name (often their name, or a draft's title) reaches no
    reader: not the stored path, the download's address or its Content-Disposition, the
    API, nor an image's rendition."""
    private = "jane-doe-expulsion-notes"
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Minutes of the meeting", "file": upload(b"a,b\n1,2\n", f"{private}.csv")},
    )
    assert response.status_code == 302
    document = CollectiveDocument.objects.get(title="Minutes of the meeting")
    assert private not in document.file.name
    assert document.file.name.endswith(".csv")
    reader = Client()
    served = reader.get(document.url)
    assert private not in document.url
    assert private not in served.get("Content-Disposition", "")
    assert private not in reader.get("/api/v2/documents/?fields=*").content.decode()

    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Portrait", "file": upload(gps_jpeg(), f"{private}-portrait.jpg")},
    )
    assert response.status_code == 302
    image = CollectiveImage.objects.get(title="Portrait")
    assert private not in image.file.name
    assert private not in image.get_rendition("width-100").url
    assert stored_files(media, "original_images") == [image.file.name.split("/")[-1]]


def docx_bomb(unpacked=200 * 1024 * 1024):
    """A real DOCX with one more entry: ``unpacked`` bytes of zeros, which deflate to a
    few hundred kilobytes."""
    output = io.BytesIO(docx_with_author())
    with zipfile.ZipFile(output, "a", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/media/filler.bin", "w") as entry:
            block = bytes(1024 * 1024)
            for _ in range(unpacked // len(block)):
                entry.write(block)
    return output.getvalue()


def test_a_document_that_unpacks_to_far_more_than_its_size_is_refused_unread(admin, media):
    bomb = docx_bomb()
    assert len(bomb) < 1024 * 1024  # small to send, 200 MB to unpack
    response = admin.post(
        reverse("wagtaildocs:add"), {"title": "Bomb", "file": upload(bomb, "report.docx")}
    )
    assert response.status_code == 200
    assert "would unpack to far more than its size" in response.content.decode()
    assert not CollectiveDocument.objects.filter(title="Bomb").exists()
    assert stored_files(media, "documents") == []


def iptc_jpeg():
    """The GPS JPEG with an IPTC (Photoshop APP13) segment naming its author too."""
    data = gps_jpeg(orientation=1)
    iptc = (
        b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10\x1c\x02P\x00\x0c"
        + AUTHOR[:12].ljust(12).encode()
    )
    segment = b"\xff\xed" + len(iptc).to_bytes(2, "big")[:0] + (len(iptc) + 2).to_bytes(2, "big")
    return data[:2] + segment + iptc + data[2:]


def hostile_pdf(filters):
    """A PDF with a photo carrying EXIF, XMP and IPTC (stored with ``filters``), a script
    run on opening, a page action, and an attached file that names its author."""
    import zlib

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    jpeg = iptc_jpeg()
    photo = DecodedStreamObject()
    photo.set_data(zlib.compress(jpeg) if "/FlateDecode" in filters else jpeg)
    photo.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(60),
            NameObject("/Height"): NumberObject(40),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): ArrayObject([NameObject(f) for f in filters])
            if len(filters) > 1
            else NameObject(filters[0]),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject(
                {NameObject("/Photo"): writer._add_object(photo)}
            )
        }
    )
    script = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(f"app.alert('{AUTHOR}')"),
        }
    )
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(script)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(script)})
    writer.add_attachment("notes.docx", docx_with_author())
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@pytest.mark.parametrize(
    "filters", [["/DCTDecode"], ["/FlateDecode", "/DCTDecode"]], ids=["jpeg", "deflated-jpeg"]
)
def test_a_pdf_loses_scripts_actions_attachments_and_its_photos_metadata(admin, filters):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Hostile", "file": upload(hostile_pdf(filters), "hostile.pdf")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    served = download(CollectiveDocument.objects.get(title="Hostile"))
    reader = PdfReader(io.BytesIO(served))
    assert "/OpenAction" not in reader.root_object
    assert "/AA" not in reader.pages[0]
    assert not reader.attachments
    for text in (AUTHOR.encode(), SERIAL.encode(), b"JavaScript", b"Photoshop"):
        assert text not in served, text
    photo = reader.pages[0]["/Resources"]["/XObject"]["/Photo"]
    assert_no_image_metadata(photo.get_data())


def tiff_with_exif():
    output = io.BytesIO()
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = AUTHOR
    Image.new("RGB", (8, 8), (0, 0, 0)).save(output, "TIFF", exif=exif)
    assert AUTHOR.encode() in output.getvalue()
    return output.getvalue()


def docx_with_hidden_authors():
    """A DOCX hiding its author where the first cleaner did not look: a custom XML part
    (with its relationship and content type), a comment author in single quotes, and an
    embedded DOCX of its own."""
    output = io.BytesIO(docx_with_author())
    with zipfile.ZipFile(output, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "customXml/item1.xml",
            f"<p:properties><displayName>{AUTHOR}</displayName>"
            "<email>author@example.org</email></p:properties>",
        )
        package.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/customXml" Target="../customXml/item1.xml"/>'
            "</Relationships>",
        )
        package.writestr(
            "word/comments.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:comment w:id='0' w:author='{AUTHOR}' w:initials='JD'>"
            "<w:p><w:r><w:t>Check.</w:t></w:r></w:p></w:comment></w:comments>",
        )
        package.writestr("word/embeddings/Document1.docx", docx_with_author())
    return output.getvalue()


def served_package(admin, data, filename, title):
    """Upload ``data`` through the admin, and unzip what a reader then downloads."""
    response = admin.post(
        reverse("wagtaildocs:add"), {"title": title, "file": upload(data, filename)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    served = download(CollectiveDocument.objects.get(title=title))
    with zipfile.ZipFile(io.BytesIO(served)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_a_docx_loses_custom_xml_single_quoted_authors_and_embedded_authors(admin):
    contents = served_package(admin, docx_with_hidden_authors(), "hidden.docx", "Hidden")
    assert not [name for name in contents if name.startswith("customXml/")]
    assert b"customXml" not in contents["word/_rels/document.xml.rels"]
    assert b"w:author='Author 1'" in contents["word/comments.xml"]
    assert b"JD" not in contents["word/comments.xml"]
    with zipfile.ZipFile(io.BytesIO(contents["word/embeddings/Document1.docx"])) as inner:
        for name in inner.namelist():
            assert AUTHOR.encode() not in inner.read(name), name
    for name, content in contents.items():
        assert AUTHOR.encode() not in content, name
        assert b"author@example.org" not in content, name


def test_a_document_with_a_picture_that_cannot_be_cleaned_is_refused_saying_why(admin, media):
    output = io.BytesIO(docx_with_author())
    with zipfile.ZipFile(output, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/image2.tiff", tiff_with_exif())
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Tiff", "file": upload(output.getvalue(), "tiff.docx")},
    )
    assert response.status_code == 200
    assert "word/media/image2.tiff" in response.content.decode()
    assert not CollectiveDocument.objects.filter(title="Tiff").exists()


def test_an_odt_loses_the_author_of_an_object_inside_it(admin):
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    output = io.BytesIO(odt_with_author())
    with zipfile.ZipFile(output, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "Object 1/meta.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="{office}"'
            ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
            f"<dc:creator>{AUTHOR}</dc:creator></office:meta></office:document-meta>",
        )
    contents = served_package(admin, output.getvalue(), "object.odt", "Object")
    for name, content in contents.items():
        assert AUTHOR.encode() not in content, name


def test_documents_are_served_as_sandboxed_attachments(admin):
    response = admin.post(
        reverse("wagtaildocs:add"), {"title": "Sandboxed", "file": upload(authored_pdf(), "a.pdf")}
    )
    assert response.status_code == 302
    document = CollectiveDocument.objects.get(title="Sandboxed")
    served = Client().get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    policy = served["Content-Security-Policy"]
    assert "sandbox" in policy
    assert "default-src 'none'" in policy
    assert served["X-Content-Type-Options"] == "nosniff"
