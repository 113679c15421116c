"""Page feet the PDF reader sets aside so a table goes on over them."""

from yusuan.readers.normalise import PAGE_NUMBER


def test_page_feet_are_page_numbers() -> None:
    for foot in ("12", "- 3 -", "第 3 页 共 10 页", "3/10", "第20页，共45页", "第20页,共45页"):
        assert PAGE_NUMBER.match(foot), foot


def test_words_and_years_are_not_page_numbers() -> None:
    for text in ("2019年", "第一章", "第20页，共45页的说明", "共45页"):
        assert not PAGE_NUMBER.match(text), text
