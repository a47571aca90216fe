# Danish keeps Django's "da" display formats ("6. marts 2023"). Dates are typed as Referat
# shows them ("04-09-2023"), as Danes write them ("4.9.2023", "04/09/2023") or ISO (Django
# adds ISO itself); times with a point or a colon ("11.00", "11:00").
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%y", "%d.%m.%y"]
TIME_INPUT_FORMATS = ["%H.%M", "%H:%M", "%H:%M:%S", "%H"]
DATETIME_INPUT_FORMATS = ["%d-%m-%Y %H.%M", "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S",
                          "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M"]
