"""Indonesian language support: dictionary reader, morphology, typo model, calendar words."""
