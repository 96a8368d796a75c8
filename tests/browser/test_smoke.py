"""The built site opens in a real phone-sized Chromium."""


def test_home_opens_in_chromium(phone):
    phone.goto("./")
    assert phone.locator("article h1").inner_text().rstrip("¶") == "¿Qué problema tiene?"
