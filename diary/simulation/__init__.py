"""Simulated diaries with known truth: for testing the analysis and for a demo diary."""

from diary.simulation.curves import CoursePlan, PainModel
from diary.simulation.patient import CourseTruth, SimulatedDiary, simulate_patient
from diary.simulation.profile import PatientKind, PatientProfile, random_profile
from diary.simulation.schedule import Margins

__all__ = [
    "CoursePlan",
    "CourseTruth",
    "Margins",
    "PainModel",
    "PatientKind",
    "PatientProfile",
    "SimulatedDiary",
    "random_profile",
    "simulate_patient",
]
