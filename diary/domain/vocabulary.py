"""The fixed vocabularies of design.md §2: each value is stored, exported and sent as its string."""

from enum import StrEnum


class BloodInUrine(StrEnum):
    """How much blood the patient saw in their urine."""

    NONE = "none"
    PINK = "pink"
    RED = "red"
    CLOTS = "clots"


class WarningSign(StrEnum):
    """Symptoms a patient ticks when present; several trigger an urgent flag."""

    YELLOW_SKIN_OR_EYES = "yellow_skin_or_eyes"
    DARK_URINE = "dark_urine"
    PALE_STOOLS = "pale_stools"
    UPPER_ABDOMINAL_PAIN = "upper_abdominal_pain"
    CHEST_PAIN = "chest_pain"
    SHORTNESS_OF_BREATH = "shortness_of_breath"
    FAINTING = "fainting"
    SEIZURE = "seizure"
    CONFUSION = "confusion"
    SELF_HARM_THOUGHTS = "self_harm_thoughts"


class Route(StrEnum):
    """How a dose of ketamine was given."""

    IV = "iv"
    IM = "im"
    SUBCUTANEOUS = "subcutaneous"
    INTRANASAL = "intranasal"
    ORAL = "oral"
    OTHER = "other"


class Role(StrEnum):
    """What an account is for."""

    PATIENT = "patient"
    CLINICIAN = "clinician"
