"""Smart answers: editor-built guided questions that lead a reader to a personal answer.

``blocks`` is what editors fill in, ``flow`` reads a page's blocks into steps and walks
a reader's answers (taken from the URL) to the next question or an outcome,
``validation`` refuses a flow that would strand a reader, ``countries`` is the country
list in the reader's language. See docs/smart_answers.md.
"""
