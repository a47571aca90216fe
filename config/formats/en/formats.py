# English dates in the British order ("6 March 2023"); Django's own "en" says "March 6, 2023".
# Danish keeps Django's "da" formats ("6. marts 2023").
DATE_FORMAT = "j F Y"
# Typed dates as Referat shows them ("04-09-2023") or ISO (Django adds ISO itself).
SHORT_DATE_FORMAT = "d-m-Y"
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H"]
DATETIME_INPUT_FORMATS = ["%d-%m-%Y %H:%M", "%d-%m-%Y %H.%M", "%d-%m-%Y %H:%M:%S"]
