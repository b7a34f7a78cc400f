"""What the Telegram layer itself says (the desk's answers come from ``bot.domain``).

Indonesian first, English when the citizen writes English or chose it with /bahasa. Plain text:
``render`` escapes it for the parse mode in use.
"""

from __future__ import annotations

from bot.domain.models import Language

TEXTS: dict[str, dict[Language, str]] = {
    "greeting": {
        "id": (
            "Halo{name}! Saya janji, asisten layanan {organisation}.\n\n"
            "Tanyakan saja biaya, lama proses, jam layanan, atau persyaratan sebuah layanan, "
            'misalnya: "berapa biaya bikin KTP?" atau "syarat SKCK apa saja?". Setiap jawaban '
            "saya ambil dari Standar Pelayanan resmi, lengkap dengan sumbernya.\n\n"
            "• /layanan — daftar layanan\n"
            "• /petugas — bicara dengan petugas (pengaduan juga bisa langsung ditulis)\n"
            "• /status — tiket Anda\n"
            "• /bahasa — English please"
        ),
        "en": (
            "Hello{name}! I am janji, the service assistant of {organisation}.\n\n"
            "Ask me about the fee, processing time, opening hours or requirements of a service, "
            'for example: "how much is an ID card?" or "what do I need for an SKCK?". Every '
            "answer comes from the official service standards, with its source.\n\n"
            "• /services — list of services\n"
            "• /petugas — talk to an officer (you can also just write your complaint)\n"
            "• /status — your tickets\n"
            "• /language — Bahasa Indonesia"
        ),
    },
    "help": {
        "id": (
            "Cara memakai janji:\n"
            "• Tulis pertanyaan Anda dengan bahasa sehari-hari, satu pertanyaan per pesan.\n"
            "• /layanan — pilih layanan untuk melihat biaya, waktu, jam dan persyaratannya.\n"
            "• /petugas — teruskan ke petugas. Pengaduan dan keluhan juga diteruskan otomatis.\n"
            "• /status — lihat tiket Anda; /batal — batalkan tiket yang masih terbuka.\n"
            "• /bahasa — ganti bahasa (Indonesia/English).\n\n"
            "Saya hanya membaca teks. Foto, suara, atau dokumen hanya diteruskan ke petugas bila "
            "Anda sedang memiliki tiket yang terbuka."
        ),
        "en": (
            "How to use janji:\n"
            "• Write your question in everyday words, one question per message.\n"
            "• /services — pick a service to see its fee, time, hours and requirements.\n"
            "• /petugas — pass your question to an officer. Complaints are passed on "
            "automatically.\n"
            "• /status — see your tickets; /batal — cancel an open ticket.\n"
            "• /language — switch language (English/Indonesia).\n\n"
            "I only read text. Photos, voice messages or documents reach an officer only while "
            "you have an open ticket."
        ),
    },
    "text_only": {
        "id": (
            "Maaf, saya hanya dapat membaca pesan teks. Silakan tulis pertanyaan Anda. Jika ingin "
            "mengirim berkas kepada petugas, ketik /petugas terlebih dahulu."
        ),
        "en": (
            "Sorry, I can only read text messages. Please type your question. To send a file "
            "to an officer, send /petugas first."
        ),
    },
    "please_wait": {
        "id": (
            "Mohon tunggu sebentar: Anda mengirim banyak pesan dalam waktu singkat. Pesan "
            "berikutnya akan kami jawab lagi dalam sekitar {seconds} detik."
        ),
        "en": (
            "Please wait a moment: you sent many messages in a short time. We will answer again "
            "in about {seconds} seconds."
        ),
    },
    "unexpected_error": {
        "id": (
            "Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi, "
            "atau ketik /petugas untuk dihubungkan dengan petugas."
        ),
        "en": (
            "Sorry, something went wrong while handling your message. Please try again in a "
            "moment, or send /petugas to reach an officer."
        ),
    },
    "no_services": {
        "id": "Belum ada layanan yang terdaftar.",
        "en": "No services are listed yet.",
    },
    "button_expired": {
        "id": "Tombol ini sudah tidak berlaku.",
        "en": "This button is no longer valid.",
    },
    "done": {"id": "Baik.", "en": "Okay."},
}

# Short texts in the staff chat (Indonesian only, like the rest of the staff side).
STAFF_TEXTS: dict[str, str] = {
    "not_staff": "Hanya petugas yang dapat melakukan ini.",
    "jawab_usage": "Format: /jawab JNJ-000123 teks balasan",
}

# The command menus Telegram shows (setMyCommands), per language.
COMMANDS: dict[Language, tuple[tuple[str, str], ...]] = {
    "id": (
        ("start", "Mulai dan lihat apa yang bisa dibantu"),
        ("layanan", "Daftar layanan dan janjinya"),
        ("petugas", "Bicara dengan petugas"),
        ("status", "Tiket saya"),
        ("batal", "Batalkan tiket yang terbuka"),
        ("bahasa", "Ganti bahasa / switch language"),
        ("help", "Bantuan"),
    ),
    "en": (
        ("start", "Start and see what janji can do"),
        ("services", "Services and their promises"),
        ("petugas", "Talk to an officer"),
        ("status", "My tickets"),
        ("batal", "Cancel the open ticket"),
        ("language", "Switch language / ganti bahasa"),
        ("help", "Help"),
    ),
}


def text(key: str, language: Language, **values: object) -> str:
    variants = TEXTS[key]
    return variants.get(language, variants["id"]).format(**values)
