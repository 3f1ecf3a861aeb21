"""Strip identifying metadata from uploads before they are stored.

A photo's EXIF can carry the GPS position it was taken at, the camera's serial number
and the photographer's name; XMP and IPTC blocks and PNG text chunks carry author names
and comments. Any of these could unmask a pseudonymous contributor, so every image is
cleaned before Wagtail stores it, and the original, every rendition and the file hash
Wagtail keeps are all of the cleaned file.

How each format is cleaned, keeping what the picture needs (pixels, ICC colour profile,
transparency, animation) and dropping everything else:

* JPEG: an allow-list of segments is copied byte for byte (no re-encoding, so no
  quality loss): quantisation and Huffman tables, frame and scan data, the ICC profile
  (APP2) and Adobe colour-transform (APP14) segments, and a JFIF header without its
  thumbnail. Gone: EXIF and XMP (APP1), IPTC (APP13), comments, every other APPn
  segment and anything after the end of the image (such as the extra pictures of an
  MPO/MPF file).
* PNG: an allow-list of chunks (image data, palette, transparency, colour and gamma
  information, ICC profile, physical size, animation); text chunks (tEXt, zTXt, iTXt,
  where XMP also lives), eXIf, tIME and private chunks are dropped.
* WebP: the EXIF and XMP chunks, and any chunk not in the format, are dropped.
* GIF: comment, plain-text and application extensions other than looping (NETSCAPE2.0)
  and ICC profiles are dropped.

An image whose EXIF orientation says it is to be shown rotated or mirrored is first
turned the right way up with Pillow and encoded again (for JPEG, with the original
quantisation tables and chroma subsampling), since dropping the tag alone would show it
sideways.

Whatever the route, the result is re-opened with Pillow and checked to decode and to
carry no EXIF, XMP, comment or text; a file that cannot be cleaned is refused with
:class:`MetadataCleaningError` rather than stored as it is.
"""

import logging
import os
import struct
import zlib
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageSequence, JpegImagePlugin
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)


class MetadataCleaningError(Exception):
    """A file could not be cleaned of its metadata, so it must not be stored.

    ``message`` is written for the person uploading the file; the technical cause, if
    any, is chained as ``__cause__``.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CleanedFile(ContentFile):
    """File content that has already been through a metadata cleaner."""


IMAGE_REFUSED = (
    "This image could not be cleaned of its location, camera and author information, "
    "so it was not uploaded. It may be damaged, or not really a JPEG, PNG, WebP or GIF "
    "file: open it in an image editor, export it again and upload the new file."
)

JPEG, PNG, GIF, WEBP = "JPEG", "PNG", "GIF", "WEBP"

EXIF_ORIENTATION = 0x0112
TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

# Keys Pillow puts in ``Image.info`` for metadata; none may survive cleaning.
METADATA_INFO_KEYS = {
    "exif",
    "xmp",
    "XML:com.adobe.xmp",
    "comment",
    "photoshop",
    "mp",
    "mpinfo",
    "Raw profile type exif",
    "Raw profile type iptc",
    "Raw profile type xmp",
}


def detect_image_format(data):
    """JPEG, PNG, GIF or WEBP from the file's first bytes, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


def clean_image(data, filename=""):
    """The image ``data`` (bytes) without its metadata, in the same format.

    Raises MetadataCleaningError if the image cannot be cleaned (an unsupported format,
    a damaged file).
    """
    image_format = detect_image_format(data)
    if image_format is None:
        raise MetadataCleaningError(IMAGE_REFUSED)
    try:
        orientation = _orientation(data)
        if orientation in TRANSPOSE_FOR_ORIENTATION:
            data = _reencode_upright(data, image_format, TRANSPOSE_FOR_ORIENTATION[orientation])
        cleaned = CONTAINER_CLEANERS[image_format](data)
        _check_clean(cleaned, image_format)
    except MetadataCleaningError:
        raise
    except Exception as error:  # a damaged file can fail in many ways, all refused
        logger.info("Could not clean the metadata of image %r: %r", filename, error)
        raise MetadataCleaningError(IMAGE_REFUSED) from error
    return cleaned


# Orientation


def _orientation(data):
    with Image.open(BytesIO(data)) as image:
        orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    return orientation if isinstance(orientation, int) else 1


def _reencode_upright(data, image_format, method):
    """Turn the image as its EXIF orientation says, encoded anew without metadata."""
    with Image.open(BytesIO(data)) as image:
        icc_profile = image.info.get("icc_profile")
        options = {}
        if icc_profile:
            options["icc_profile"] = icc_profile
        if image.info.get("dpi"):
            options["dpi"] = image.info["dpi"]

        if image_format == JPEG:
            upright = _bare(image.transpose(method))
            subsampling = JpegImagePlugin.get_sampling(image)
            if image.quantization:
                options["qtables"] = image.quantization
            else:
                options["quality"] = 95
            if subsampling != -1:
                options["subsampling"] = subsampling
            options["progressive"] = bool(image.info.get("progressive"))
            output = BytesIO()
            upright.save(output, "JPEG", optimize=True, **options)
            return output.getvalue()

        frames, durations = [], []
        for frame in ImageSequence.Iterator(image):
            frames.append(_bare(frame.transpose(method)))
            durations.append(frame.info.get("duration", 0))
        if image_format == PNG and "transparency" in image.info and len(frames) == 1:
            options["transparency"] = image.info["transparency"]
        if image_format == WEBP:
            if _webp_is_lossless(data):
                options["lossless"] = True
            else:
                options["quality"] = 90
        if len(frames) > 1:
            options.update(
                save_all=True,
                append_images=frames[1:],
                duration=durations,
                loop=image.info.get("loop", 0),
            )
        output = BytesIO()
        frames[0].save(output, image_format, **options)
        return output.getvalue()


def _bare(image):
    """``image`` with nothing Pillow would write back as metadata."""
    image.info = {}
    return image


# JPEG

# Segments kept as they are, besides the tables, frame and scan segments.
ICC_PROFILE_SIGNATURE = b"ICC_PROFILE\x00"
ADOBE_SIGNATURE = b"Adobe"
JFIF_SIGNATURE = b"JFIF\x00"


def clean_jpeg(data):
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("no JPEG start-of-image marker")
    output = [b"\xff\xd8"]
    position, end = 2, len(data)
    while True:
        if position >= end or data[position] != 0xFF:
            raise ValueError(f"no JPEG marker at byte {position}")
        while position < end and data[position] == 0xFF:  # fill bytes
            position += 1
        if position >= end:
            raise ValueError("JPEG ends inside a marker")
        marker = data[position]
        position += 1
        if marker == 0xD9:  # end of image: anything after it is dropped
            output.append(b"\xff\xd9")
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length, no payload
            output.append(bytes((0xFF, marker)))
            continue
        (length,) = struct.unpack(">H", data[position : position + 2])
        if length < 2 or position + length > end:
            raise ValueError("JPEG segment runs past the end of the file")
        payload = data[position + 2 : position + length]
        position += length
        kept = _kept_jpeg_segment(marker, payload)
        if kept is not None:
            output.append(bytes((0xFF, marker)) + struct.pack(">H", len(kept) + 2) + kept)
        if marker == 0xDA:  # start of scan: copy the entropy-coded data after it
            scan_end = _end_of_scan(data, position)
            output.append(data[position:scan_end])
            position = scan_end
    return b"".join(output)


def _kept_jpeg_segment(marker, payload):
    """The payload of a segment to keep (possibly trimmed), or None to drop it."""
    if marker == 0xE0:  # APP0: keep a JFIF header, without its thumbnail
        if payload.startswith(JFIF_SIGNATURE) and len(payload) >= 14:
            return payload[:12] + b"\x00\x00"
        return None
    if marker == 0xE2:  # APP2: the ICC profile, which may span several segments
        return payload if payload.startswith(ICC_PROFILE_SIGNATURE) else None
    if marker == 0xEE:  # APP14: how the colour channels are encoded
        return payload if payload.startswith(ADOBE_SIGNATURE) else None
    if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # other APPn (EXIF, XMP, IPTC), comments
        return None
    return payload


def _end_of_scan(data, position):
    """Where the entropy-coded data starting at ``position`` ends (the next marker)."""
    end = len(data)
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= end:
            raise ValueError("JPEG ends inside its image data")
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffed byte, restart marker
            position += 2
            continue
        return position


# PNG

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEPT_CHUNKS = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"cHRM",
    b"gAMA",
    b"iCCP",
    b"sBIT",
    b"sRGB",
    b"cICP",
    b"mDCV",
    b"mDCv",
    b"cLLI",
    b"cLLi",
    b"bKGD",
    b"hIST",
    b"pHYs",
    b"sPLT",
    b"acTL",
    b"fcTL",
    b"fdAT",
}


def clean_png(data):
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("no PNG signature")
    output = [PNG_SIGNATURE]
    position, end = len(PNG_SIGNATURE), len(data)
    while True:
        if position + 12 > end:
            raise ValueError("PNG ends inside a chunk")
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunk_type = data[position + 4 : position + 8]
        chunk_end = position + 12 + length
        if chunk_end > end:
            raise ValueError("PNG chunk runs past the end of the file")
        chunk = data[position:chunk_end]
        (crc,) = struct.unpack(">I", chunk[-4:])
        if zlib.crc32(chunk[4:-4]) != crc:
            raise ValueError(f"bad CRC in PNG chunk {chunk_type!r}")
        if chunk_type in PNG_KEPT_CHUNKS:
            output.append(chunk)
        position = chunk_end
        if chunk_type == b"IEND":  # anything after it is dropped
            break
    return b"".join(output)


# WebP

WEBP_KEPT_CHUNKS = {b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L"}
VP8X_EXIF_FLAG = 0x08
VP8X_XMP_FLAG = 0x04


def _riff_chunks(data, start, end):
    position = start
    while position + 8 <= end:
        fourcc = data[position : position + 4]
        (size,) = struct.unpack("<I", data[position + 4 : position + 8])
        chunk_end = position + 8 + size + (size & 1)
        if position + 8 + size > end:
            raise ValueError("WebP chunk runs past the end of the file")
        yield fourcc, data[position + 8 : position + 8 + size], data[position:chunk_end]
        position = chunk_end


def _webp_is_lossless(data):
    return any(fourcc == b"VP8L" for fourcc, *_ in _riff_chunks(data, 12, len(data)))


def clean_webp(data):
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("no WebP header")
    (riff_size,) = struct.unpack("<I", data[4:8])
    end = 8 + riff_size
    if end > len(data):
        raise ValueError("WebP ends before its stated size")
    chunks = []
    for fourcc, payload, chunk in _riff_chunks(data, 12, end):
        if fourcc not in WEBP_KEPT_CHUNKS:
            continue
        if fourcc == b"VP8X":
            flags = payload[0] & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
            chunk = chunk[:8] + bytes((flags,)) + chunk[9:]
        chunks.append(chunk)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# GIF

GIF_KEPT_APPLICATIONS = {b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012"}


def _gif_sub_blocks_end(data, position):
    """Where the data sub-blocks starting at ``position`` end (after the terminator)."""
    end = len(data)
    while True:
        if position >= end:
            raise ValueError("GIF ends inside a data block")
        size = data[position]
        position += 1 + size
        if size == 0:
            return position


def clean_gif(data):
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise ValueError("no GIF header")
    flags = data[10]
    position = 13 + (3 << ((flags & 0x07) + 1) if flags & 0x80 else 0)
    output = [data[:position]]
    pending_control = None  # a graphic control extension, kept with what it applies to
    end = len(data)
    while True:
        if position >= end:
            raise ValueError("GIF ends without its trailer")
        introducer = data[position]
        if introducer == 0x3B:  # trailer: anything after it is dropped
            if pending_control is not None:
                output.append(pending_control)
            output.append(b"\x3b")
            break
        if introducer == 0x2C:  # an image: descriptor, local colour table, data
            image_flags = data[position + 9]
            start = position
            position += 10
            if image_flags & 0x80:
                position += 3 << ((image_flags & 0x07) + 1)
            position = _gif_sub_blocks_end(data, position + 1)  # after the LZW code size
            if pending_control is not None:
                output.append(pending_control)
                pending_control = None
            output.append(data[start:position])
        elif introducer == 0x21:
            label = data[position + 1]
            start = position
            position = _gif_sub_blocks_end(data, position + 2)
            block = data[start:position]
            if label == 0xF9:  # graphic control: timing and transparency of the next image
                pending_control = block
            elif label == 0xFF and data[start + 3 : start + 14] in GIF_KEPT_APPLICATIONS:
                output.append(block)
            elif label == 0x01:  # plain text (shown by no browser): drop its control too
                pending_control = None
            # comments (0xFE) and other application extensions (XMP...) are dropped
        else:
            raise ValueError(f"unknown GIF block {introducer:#x}")
    return b"".join(output)


CONTAINER_CLEANERS = {JPEG: clean_jpeg, PNG: clean_png, WEBP: clean_webp, GIF: clean_gif}


# Checking the result


def _check_clean(data, image_format):
    """Raise unless ``data`` decodes as ``image_format`` with no metadata left."""
    expected_formats = {JPEG: {"JPEG", "MPO"}}.get(image_format, {image_format})
    with Image.open(BytesIO(data)) as image:
        if image.format not in expected_formats:
            raise ValueError(f"cleaning turned a {image_format} into {image.format}")
        image.load()
        leftovers = METADATA_INFO_KEYS & set(image.info)
        if image_format == PNG and image.text:
            leftovers.add("text")
        extension = image.info.get("extension")  # a GIF application extension
        if extension and extension[0][:11] not in GIF_KEPT_APPLICATIONS:
            leftovers.add("extension")
        if image.getexif():
            leftovers.add("exif")
    if leftovers:
        raise ValueError(f"metadata left after cleaning: {sorted(leftovers)}")


# Models


def read_file_bytes(file):
    file.open("rb")
    try:
        file.seek(0)
        return file.read()
    finally:
        file.seek(0)


def clean_upload(upload, clean):
    """An uploaded file as a CleanedFile, through ``clean(data, filename)``.

    Raises MetadataCleaningError if it cannot be cleaned.
    """
    name = os.path.basename(upload.name or "")
    return CleanedFile(clean(read_file_bytes(upload), name), name=name)


_NOT_LOADED = object()


class MetadataStrippingMixin:
    """A Wagtail image or document model that cleans every new file before storing it.

    ``save()`` cleans a file that is not stored yet (an upload assigned to ``file``),
    and also one already put in storage for an object that has not been saved with it
    (Wagtail's "upload now, describe later" route, or ``file.save()`` in code), then
    recomputes ``file_size`` and ``file_hash`` (and, for images, width and height).
    Files already stored with the object are not read again. Subclasses define
    ``clean_file_data(data, filename)`` and may extend ``set_file_metadata(data)``.
    """

    file_metadata_fields = ("file_size", "file_hash")

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        if "file" in instance.get_deferred_fields():
            instance._stored_file_name = _NOT_LOADED
        else:
            instance._stored_file_name = instance.file.name
        return instance

    def clean_file_data(self, data, filename):
        raise NotImplementedError

    def set_file_metadata(self, data):
        self.file_size = len(data)
        self.file_hash = hash_filelike(BytesIO(data))

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "file" in update_fields:
            if self._strip_file_metadata() and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.file_metadata_fields}
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name if self.file else None

    def _strip_file_metadata(self):
        """Clean the file if it is new; True if file metadata was recomputed."""
        if not self.file:
            return False
        name = os.path.basename(self.file.name)
        if not self.file._committed:
            upload = self.file.file
            data = read_file_bytes(self.file)
            if not isinstance(upload, CleanedFile):
                data = self.clean_file_data(data, name)
                self.file = CleanedFile(data, name=name)
            self.set_file_metadata(data)
            return True

        stored = getattr(self, "_stored_file_name", _NOT_LOADED)
        if not self._state.adding and stored in (_NOT_LOADED, self.file.name):
            return False
        # Stored before this object was saved with it: clean it where it lies.
        storage, old_name = self.file.storage, self.file.name
        with storage.open(old_name, "rb") as stored_file:
            data = stored_file.read()
        cleaned = self.clean_file_data(data, name)
        if cleaned != data:
            self.file.save(name, CleanedFile(cleaned, name=name), save=False)
            if not type(self)._default_manager.filter(file=old_name).exclude(pk=self.pk).exists():
                storage.delete(old_name)
        self.set_file_metadata(cleaned)
        return True


class ImageMetadataStrippingMixin(MetadataStrippingMixin):
    file_metadata_fields = ("file_size", "file_hash", "width", "height")

    def clean_file_data(self, data, filename):
        return clean_image(data, filename)

    def set_file_metadata(self, data):
        super().set_file_metadata(data)
        with Image.open(BytesIO(data)) as image:
            self.width, self.height = image.size
