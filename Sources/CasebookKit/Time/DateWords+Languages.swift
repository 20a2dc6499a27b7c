// The languages the guidance is read in besides English. Accents may be left out when typing
// (`srode`, `apres-demain`); `ł`, which has no accent to drop, is listed both ways.
extension DateWords {
  /// Indonesian.
  public static let indonesian = DateWords(
    language: "id",
    relativeDays: ["hari ini": 0, "besok": 1, "esok": 1, "lusa": 2],
    weekdays: [
      ["senin", "sen"], ["selasa", "sel"], ["rabu", "rab"], ["kamis", "kam"], ["jumat", "jum'at", "jum"],
      ["sabtu", "sab"], ["minggu", "ahad", "min"],
    ],
    months: [
      ["januari", "jan"], ["februari", "feb", "peb"], ["maret", "mar"], ["april", "apr"], ["mei"],
      ["juni", "jun"], ["juli", "jul"], ["agustus", "agu", "ags", "agt"], ["september", "sep"],
      ["oktober", "okt"], ["november", "nov", "nop"], ["desember", "des"],
    ],
    next: ["depan"], this: ["ini"], on: ["hari", "pada", "pada hari"],
    at: ["jam", "pukul", "pada jam", "pada pukul"], within: ["dalam"], later: ["lagi"], one: ["satu"],
    spanUnits: ["hari": .day, "minggu": .week, "pekan": .week, "jam": .hour, "menit": .minute],
    timesOfDay: ["tengah hari": 720, "tengah malam": 0])

  /// Polish, with the months' genitive forms (`5 grudnia`) and the accusative of the days that
  /// follow `w` (`w środę`).
  public static let polish = DateWords(
    language: "pl",
    relativeDays: ["dziś": 0, "dzisiaj": 0, "jutro": 1, "pojutrze": 2],
    weekdays: [
      ["poniedziałek", "poniedzialek", "pon", "pn"], ["wtorek", "wt", "wto"], ["środa", "środę", "śr"],
      ["czwartek", "czw"], ["piątek", "pt", "pią"], ["sobota", "sobotę", "sob"],
      ["niedziela", "niedzielę", "niedz", "nd"],
    ],
    months: [
      ["styczeń", "stycznia", "sty"], ["luty", "lutego", "lut"], ["marzec", "marca", "mar"],
      ["kwiecień", "kwietnia", "kwi"], ["maj", "maja"], ["czerwiec", "czerwca", "cze"], ["lipiec", "lipca", "lip"],
      ["sierpień", "sierpnia", "sie"], ["wrzesień", "września", "wrz"], ["październik", "października", "paź"],
      ["listopad", "listopada", "lis"], ["grudzień", "grudnia", "gru"],
    ],
    next: [
      "przyszły", "przyszła", "przyszłą", "przyszłe", "przyszly", "przyszla", "przyszle", "następny", "następna",
      "następną", "następne",
    ],
    this: ["ten", "tę", "ta"], on: ["w", "we"], at: ["o", "o godzinie"], within: ["za"], one: ["jeden", "jedną"],
    ordinals: ["."],
    spanUnits: [
      "dzień": .day, "dni": .day, "tydzień": .week, "tygodnie": .week, "tygodni": .week, "godzina": .hour,
      "godzinę": .hour, "godziny": .hour, "godzin": .hour, "minuta": .minute, "minutę": .minute, "minuty": .minute,
      "minut": .minute,
    ],
    timesOfDay: ["południe": 720, "poludnie": 720, "północ": 0, "polnoc": 0, "północy": 0, "polnocy": 0])

  /// French.
  public static let french = DateWords(
    language: "fr",
    relativeDays: [
      "aujourd'hui": 0, "aujourdhui": 0, "demain": 1, "après-demain": 2, "après demain": 2,
    ],
    weekdays: [
      ["lundi", "lun"], ["mardi", "mar"], ["mercredi", "mer"], ["jeudi", "jeu"], ["vendredi", "ven"],
      ["samedi", "sam"], ["dimanche", "dim"],
    ],
    months: [
      ["janvier", "janv", "jan"], ["février", "févr", "fév"], ["mars"], ["avril", "avr"], ["mai"], ["juin"],
      ["juillet", "juil"], ["août"], ["septembre", "sept"], ["octobre", "oct"], ["novembre", "nov"],
      ["décembre", "déc"],
    ],
    next: ["prochain", "prochaine"], this: ["ce"], on: ["le"], at: ["à", "vers"], within: ["dans"],
    one: ["un", "une"], ordinals: ["er", "e"],
    spanUnits: [
      "jour": .day, "jours": .day, "semaine": .week, "semaines": .week, "heure": .hour, "heures": .hour,
      "minute": .minute, "minutes": .minute,
    ],
    timesOfDay: ["midi": 720, "minuit": 0])
}
