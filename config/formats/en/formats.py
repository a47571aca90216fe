# English dates in the British order ("6 March 2023"); Django's own "en" says "March 6, 2023".
# Danish keeps Django's "da" formats ("6. marts 2023").
DATE_FORMAT = "j F Y"
