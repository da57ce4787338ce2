#!/usr/bin/env python3
"""Builds corpus.jsonl, the labelled corpus of DetectorPrecisionRecallTest.

Run from this directory: python3 make_corpus.py > corpus.jsonl (deterministic: fixed seed).

Each line: {"id", "split", "text", "location", "field", "path", "expect": [[KIND, value(, n)]], "note"?}: value is
the exact substring, its first occurrence unless n says which (0-based).

Three splits. "dev" items were written first and the detectors were tuned while measuring on them.
"holdout" items were written afterwards and measured once before any change (precision 0.908, recall
0.878 at that point); general fixes for what they showed were then made, so they are no longer
untouched. "fresh" items were written last, after all tuning, and measured once: precision 0.969,
recall 0.851. One bug they showed was fixed since (numbers between the commas of a CSV row were taken
for thousands groups; recall 0.878 after); nothing else was changed because of them. All three
splits count in the test's floors.
The expected spans are written here by hand from what a person reading the text would mask, not
from what the detectors report: values are the exact substrings, found in the text by the test.
All data is synthetic: test card numbers, made-up names, reserved e-mail domains, documentation IP
ranges, My Numbers and corporate numbers generated with a valid check digit (or a wrong one, for
the near misses), the IBAN registry's published examples.
"""
import base64
import json
import random

rnd = random.Random(20240501)
items = []


split = "dev"


def add(text, expect=(), location="TEXT", field=None, path=None, note=None):
    item = {"id": f"c{len(items) + 1:04d}", "split": split, "text": text, "location": location,
            "field": field, "path": path if path is not None else (field or ""),
            "expect": [[e[0], text if e[1] is None else e[1], *e[2:]] for e in expect]}
    if note:
        item["note"] = note
    for e in item["expect"]:
        assert text.count(e[1]) > (e[2] if len(e) > 2 else 0), (text, e)
    items.append(item)


def body(field, text, expect=(), path=None, location="REQUEST_BODY"):
    add(text, expect, location, field, path or f"$.{field}")


# ---------------------------------------------------------------- generators of valid numbers

def luhn_complete(prefix):
    for d in "0123456789":
        n = prefix + d
        s = 0
        for i, c in enumerate(reversed(n)):
            v = int(c)
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            s += v
        if s % 10 == 0:
            return n
    raise AssertionError


def my_number(valid=True):
    first = "".join(rnd.choice("0123456789") for _ in range(11))
    s = sum(int(first[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    check = 0 if r <= 1 else 11 - r
    if not valid:
        check = (check + rnd.randint(1, 9)) % 10
    return first + str(check)


def corporate_number():
    body12 = "".join(rnd.choice("0123456789") for _ in range(12))
    s = sum(int(body12[12 - n]) * (1 if n % 2 == 1 else 2) for n in range(1, 13))
    return str(9 - s % 9) + body12


def b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt(sub):
    sig = base64.urlsafe_b64encode(bytes(rnd.getrandbits(8) for _ in range(32))).decode().rstrip("=")
    return b64({"alg": "HS256", "typ": "JWT"}) + "." + b64({"sub": sub, "iat": 1714560000, "exp": 1714563600}) + "." + sig


def hexid(n):
    return "".join(rnd.choice("0123456789abcdef") for _ in range(n))


def spaced(number, groups):
    out, i = [], 0
    for g in groups:
        out.append(number[i:i + g])
        i += g
    return out


# ---------------------------------------------------------------- people (like the simulator's)

FAMILY = [("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
          ("田中", "タナカ", "tanaka"), ("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"),
          ("山本", "ヤマモト", "yamamoto"), ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"),
          ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
          ("佐々木", "ササキ", "sasaki"), ("松本", "マツモト", "matsumoto"), ("井上", "イノウエ", "inoue"),
          ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"), ("清水", "シミズ", "shimizu"),
          ("長谷川", "ハセガワ", "hasegawa"), ("近藤", "コンドウ", "kondo")]
GIVEN = [("翔太", "ショウタ", "shota"), ("蓮", "レン", "ren"), ("大翔", "ヒロト", "hiroto"), ("健太", "ケンタ", "kenta"),
         ("拓也", "タクヤ", "takuya"), ("直樹", "ナオキ", "naoki"), ("誠", "マコト", "makoto"), ("浩", "ヒロシ", "hiroshi"),
         ("陽菜", "ヒナ", "hina"), ("結衣", "ユイ", "yui"), ("さくら", "サクラ", "sakura"), ("美咲", "ミサキ", "misaki"),
         ("花子", "ハナコ", "hanako"), ("恵子", "ケイコ", "keiko"), ("裕子", "ユウコ", "yuko"), ("真由美", "マユミ", "mayumi"),
         ("一郎", "イチロウ", "ichiro"), ("亮", "リョウ", "ryo"), ("千尋", "チヒロ", "chihiro"), ("美穂", "ミホ", "miho")]
AREAS = [("東京都", "新宿区", "160", ["西新宿", "高田馬場", "大久保"]), ("東京都", "渋谷区", "150", ["神宮前", "恵比寿"]),
         ("東京都", "世田谷区", "154", ["三軒茶屋", "太子堂"]), ("東京都", "港区", "105", ["芝浦", "六本木", "白金"]),
         ("神奈川県", "横浜市中区", "231", ["山下町", "元町"]), ("神奈川県", "川崎市中原区", "211", ["小杉町", "木月"]),
         ("大阪府", "大阪市北区", "530", ["梅田", "天神橋"]), ("大阪府", "豊中市", "560", ["新千里東町", "服部元町"]),
         ("愛知県", "名古屋市千種区", "464", ["今池", "星が丘元町"]), ("北海道", "札幌市中央区", "060", ["北一条西", "大通西"]),
         ("福岡県", "福岡市博多区", "812", ["博多駅前", "中洲"]), ("京都府", "京都市左京区", "606", ["北白川", "下鴨"]),
         ("兵庫県", "神戸市中央区", "650", ["三宮町", "北野町"]), ("埼玉県", "さいたま市浦和区", "330", ["高砂", "常盤"]),
         ("宮城県", "仙台市青葉区", "980", ["一番町", "国分町"]), ("沖縄県", "那覇市", "900", ["久茂地", "牧志"])]
BUILDINGS = ["メゾン", "コーポ", "パークハイツ", "ハイツ", "レジデンス", "シティタワー"]
BUILDING_NAMES = ["桜", "青葉", "緑ヶ丘", "若葉", "富士見", "けやき"]
DOMAINS = ["example.jp", "example.co.jp", "example.ne.jp", "example.com", "example.org", "example.net"]
EN_FIRST = ["Emily", "Michael", "Sarah", "David", "Jessica", "Daniel", "Olivia", "James", "Sophia", "Robert"]
EN_LAST = ["Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martinez", "Anderson", "Taylor", "Thompson"]
US_STREETS = ["742 Evergreen Terrace", "1600 Amphitheatre Pkwy", "350 Fifth Avenue, Suite 1200", "12 Grimmauld Place",
              "221 Baker Street", "31 Spooner Street"]
US_CITIES = [("Springfield", "IL", "62704"), ("Austin", "TX", "78701"), ("Seattle", "WA", "98101"),
             ("Denver", "CO", "80202"), ("Boston", "MA", "02108"), ("Portland", "OR", "97205")]
US_AREA = ["212", "415", "312", "617", "206", "512"]


def ja_person():
    f, g = rnd.choice(FAMILY), rnd.choice(GIVEN)
    sep = "\u3000" if rnd.random() < 0.25 else " "
    area = rnd.choice(AREAS)
    district = rnd.choice(area[3])
    c, b, go = rnd.randint(1, 6), rnd.randint(1, 30), rnd.randint(1, 20)
    block = f"{c}丁目{b}-{go}" if rnd.random() < 0.33 else f"{c}-{b}-{go}"
    line = area[0] + area[1] + district + block
    if rnd.random() < 0.4:
        room = rnd.randint(1, 15) * 100 + rnd.randint(1, 9)
        line += " " + rnd.choice(BUILDINGS) + rnd.choice(BUILDING_NAMES) + (f" {room}号室" if rnd.random() < 0.5 else f" {room}")
    mobile = rnd.choice(["090", "080", "070"]) + f"-{rnd.randint(0, 9999):04d}-{rnd.randint(0, 9999):04d}"
    local = rnd.choice([f"{g[2]}.{f[2]}", f"{f[2]}.{g[2]}", f"{g[2]}_{f[2]}", f"{g[2][0]}{f[2]}"]) + str(rnd.randint(1, 99999))
    year = rnd.randint(1946, 2004)
    dob = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    return {"name": f[0] + sep + g[0], "kana": f[1] + sep + g[1], "email": local + "@" + rnd.choice(DOMAINS),
            "phone": mobile, "postal": f"{area[2]}-{rnd.randint(0, 9999):04d}", "address": line, "dob": dob,
            "myNumber": my_number(), "holder": f"{g[2].upper()} {f[2].upper()}", "family": f, "given": g}


def en_person():
    first, last = rnd.choice(EN_FIRST), rnd.choice(EN_LAST)
    city = rnd.choice(US_CITIES)
    phone = ("+1 " if rnd.random() < 0.4 else "") + rnd.choice(US_AREA) + f"-555-01{rnd.randint(0, 99):02d}"
    return {"name": f"{first} {last}", "email": f"{first.lower()}.{last.lower()}{rnd.randint(1, 9999)}@" + rnd.choice(DOMAINS),
            "phone": phone, "zip": city[2], "address": f"{rnd.choice(US_STREETS)}, {city[0]}, {city[1]}",
            "dob": f"{rnd.randint(1950, 2003)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "holder": f"{first.upper()} {last.upper()}"}


CARDS = ["4242424242424242", "4000056655665556", "4012888888881881", "5555555555554444", "2223003122003222",
         "5200828282828210", "3566002020360505", "378282246310005", "371449635398431", "3056930009020004",
         "36227206271667", "6011111111111117", "6011000990139424", "6200000000000005", "4000000000003220",
         "4000002760003184", "4000000000000002", "3530111333300000", luhn_complete("272099999999999"),
         luhn_complete("651234567890123"), luhn_complete("622126000000000"), luhn_complete("358999999999999"),
         luhn_complete("400000000000000000"), luhn_complete("644000000000000")]

# ---------------------------------------------------------------- 1. shop sign-ups, field by field

for _ in range(14):
    p = ja_person()
    body("email", p["email"], [("EMAIL", p["email"])])
    body("name", p["name"], [("PERSON_NAME", p["name"])])
    body("nameKana", p["kana"], [("PERSON_NAME", p["kana"])])
    body("phone", p["phone"], [("PHONE", p["phone"])])
    body("postalCode", p["postal"], [("POSTAL_CODE", p["postal"])])
    body("address", p["address"], [("ADDRESS", p["address"])])
    body("dateOfBirth", p["dob"], [("DATE_OF_BIRTH", p["dob"])])
    add(p["myNumber"], [("MY_NUMBER", p["myNumber"])], "REQUEST_BODY", "myNumber", "$.myNumber")
    body("locale", "ja-JP")

for _ in range(6):
    p = en_person()
    body("email", p["email"], [("EMAIL", p["email"])])
    body("name", p["name"], [("PERSON_NAME", p["name"])])
    body("phone", p["phone"], [("PHONE", p["phone"])])
    body("postalCode", p["zip"], [("POSTAL_CODE", p["zip"])])
    body("address", p["address"], [("ADDRESS", p["address"])])
    body("dateOfBirth", p["dob"], [("DATE_OF_BIRTH", p["dob"])])

# the customer as the shop answers it, one JSON document in a response body (free text to the detectors)
for _ in range(4):
    p = ja_person()
    cid = "cus_" + hexid(12)
    doc = json.dumps({"id": cid, "email": p["email"], "name": p["name"], "nameKana": p["kana"], "phone": p["phone"],
                      "postalCode": p["postal"], "address": p["address"], "dateOfBirth": p["dob"], "locale": "ja-JP",
                      "createdAt": "2024-05-01T12:34:56Z"}, ensure_ascii=False)
    add(doc, [("EMAIL", p["email"]), ("PERSON_NAME", p["name"]), ("PERSON_NAME", p["kana"]), ("PHONE", p["phone"]),
              ("POSTAL_CODE", p["postal"]), ("ADDRESS", p["address"]), ("DATE_OF_BIRTH", p["dob"])])

# ---------------------------------------------------------------- 2. cards (payments POST /tokens)

for number in CARDS:
    body("number", number, [("CARD_NUMBER", number)])
for number, groups in [("4242424242424242", [4, 4, 4, 4]), ("5555555555554444", [4, 4, 4, 4]),
                       ("378282246310005", [4, 6, 5]), ("3566002020360505", [4, 4, 4, 4]),
                       ("36227206271667", [4, 6, 4]), ("6011111111111117", [4, 4, 4, 4])]:
    for sep in (" ", "-"):
        text = sep.join(spaced(number, groups))
        body("number", text, [("CARD_NUMBER", text)])
for _ in range(5):
    p = ja_person()
    body("holderName", p["holder"], [("PERSON_NAME", p["holder"])])
for cvc in ["123", "4567", "987"]:
    body("cvc", cvc, [("SECRET", cvc)])
body("expMonth", "12")
body("expYear", "2027")
body("last4", "4242", location="RESPONSE_BODY")
body("brand", "Visa", location="RESPONSE_BODY")
body("token", "tok_" + hexid(24), [("SECRET", None)], location="RESPONSE_BODY")

# ---------------------------------------------------------------- 3. headers, query parameters, cookies

for sub in ["cus_" + hexid(12), "user-42", "cus_" + hexid(12)]:
    token = jwt(sub)
    add("Bearer " + token, [("JWT", token)], "REQUEST_HEADER", "authorization", "authorization")
for _ in range(2):
    opaque = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40))
    add("Bearer " + opaque, [("SECRET", opaque)], "REQUEST_HEADER", "authorization", "authorization")
basic = base64.b64encode(b"shop-service:s3cr3t-pa55").decode()
add("Basic " + basic, [("SECRET", basic)], "REQUEST_HEADER", "authorization", "authorization")
for _ in range(3):
    add("sid=" + hexid(32), [], "REQUEST_HEADER", "cookie", "cookie")
add("sid=" + hexid(32) + "; theme=dark; lang=ja", [], "REQUEST_HEADER", "cookie", "cookie")
add(hexid(32), [], "COOKIE", "sid", "sid")
add("sid=" + hexid(32) + "; Path=/; HttpOnly; SameSite=Lax", [], "RESPONSE_HEADER", "set-cookie", "set-cookie")
for value, exp in [("192.0.2.44", [("IP_ADDRESS", "192.0.2.44")]),
                   ("198.51.100.7, 203.0.113.9", [("IP_ADDRESS", "198.51.100.7"), ("IP_ADDRESS", "203.0.113.9")]),
                   ("2001:db8:4a2f:9c1::1d", [("IP_ADDRESS", "2001:db8:4a2f:9c1::1d")]),
                   ("2001:db8:85a3:0:0:8a2e:370:7334, 10.0.0.12", [("IP_ADDRESS", "2001:db8:85a3:0:0:8a2e:370:7334"), ("IP_ADDRESS", "10.0.0.12")])]:
    add(value, exp, "REQUEST_HEADER", "x-forwarded-for", "x-forwarded-for")
for ua in ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
           "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0",
           "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36"]:
    add(ua, [], "REQUEST_HEADER", "user-agent", "user-agent")
for _ in range(2):
    add(f"00-{hexid(32)}-{hexid(16)}-01", [], "REQUEST_HEADER", "traceparent", "traceparent")
add("3f2b8c1e-9d4a-4e7b-8f10-2a6c5d9e0b17", [], "REQUEST_HEADER", "idempotency-key", "idempotency-key")
add("shop-3f2b8c1e-9d4a-4e7b-8f10-2a6c5d9e0b17", [], "REQUEST_HEADER", "idempotency-key", "idempotency-key")
key = "sk_live_" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))
add(key, [("SECRET", key)], "REQUEST_HEADER", "x-api-key", "x-api-key")
add("application/json; charset=utf-8", [], "REQUEST_HEADER", "content-type", "content-type")
add(hexid(40), [("SECRET", None)], "QUERY", "access_token", "access_token")
add("10", [], "QUERY", "limit", "limit")
add("eyJvIjoiMjAyNC0wNS0wMVQxMjozNDo1NloiLCJpZCI6Im9yZF8xMjM0In0", [], "QUERY", "cursor", "cursor")
add("correct horse battery staple", [("SECRET", "correct horse battery staple")], "REQUEST_BODY", "password", "$.password")
add("Tr0ub4dor&3", [("SECRET", "Tr0ub4dor&3")], "REQUEST_BODY", "newPassword", "$.newPassword")
add("********", [], "REQUEST_BODY", "password", "$.password")
add("123456", [], "REQUEST_BODY", "otp", "$.otp")
add("ch_" + hexid(16), [], "REQUEST_BODY", "challengeId", "$.challengeId")

# ---------------------------------------------------------------- 4. response fields that are not personal

for field, value in [("id", "pay_" + hexid(16)), ("id", "ord_" + hexid(12)), ("orderRef", "ord_" + hexid(12)),
                     ("amount", "4980"), ("amount", "49.80"), ("amount", "1000000"), ("currency", "JPY"),
                     ("status", "requires_action"), ("createdAt", "2024-05-01T12:34:56.789Z"),
                     ("captured", "30000"), ("declineCode", "insufficient_funds"), ("nextCursor", "eyJvIjoiMjAyNCJ9"),
                     ("sku", "HEADPHONES-NC"), ("quantity", "2"), ("unitPrice", "39600"), ("verifiedAt", "2024-05-01T09:00:00Z"),
                     ("paymentId", "pay_" + hexid(16)), ("customerId", "cus_" + hexid(12)), ("cardId", "card_" + hexid(12))]:
    body(field, value, location="RESPONSE_BODY")
for name in ["ノイズキャンセリング ヘッドホン", "波佐見焼 マグカップ", "Noise-cancelling headphones", "ギフトカード", "煎茶 100g"]:
    add(name, [], "RESPONSE_BODY", "name", "$.items[0].name")
add("Hasami porcelain mug", [], "RESPONSE_BODY", "name", "$.product.name")
add("デイパック 20L", [], "COLUMN", "name", "products.name")
add("佐藤 花子", [("PERSON_NAME", "佐藤 花子")], "COLUMN", "name", "customers.name")
add("Folding umbrella", [], "RESPONSE_BODY", "name", "$.name", note="GET /products/{sku} answers the product at the root")
add("南部鉄器 急須", [], "RESPONSE_BODY", "name", "$.name", note="a kanji product name at the root reads like a person's name")
add("taro_1987", [], "REQUEST_BODY", "username", "$.username")
add("checkout-service", [], "TEXT", "serviceName", "serviceName")
add("invoice-2024-05.pdf", [], "REQUEST_BODY", "fileName", "$.fileName")
add("api.example.com", [], "TEXT", "hostname", "hostname")

# ---------------------------------------------------------------- 5. free text: tickets, chats, mails

for _ in range(10):
    p = ja_person()
    templates = [
        # the name in prose, without a label: a known gap of the detectors, labelled all the same
        (f"お世話になっております。{p['name']}です。登録メールアドレスを {p['email']} に変更したいです。",
         [("PERSON_NAME", p["name"]), ("EMAIL", p["email"])]),
        (f"配送先を{p['address']}に変更してください。電話番号は{p['phone']}です。", [("ADDRESS", p["address"]), ("PHONE", p["phone"])]),
        (f"〒{p['postal']} {p['address']}", [("POSTAL_CODE", p["postal"]), ("ADDRESS", p["address"])]),
        (f"お名前: {p['kana']} 様、ご連絡ありがとうございます。", [("PERSON_NAME", p["kana"])]),
        (f"フリガナ：{p['kana']}", [("PERSON_NAME", p["kana"])]),
        (f"氏名：{p['name']}\n生年月日：{p['dob'][:4]}年{int(p['dob'][5:7])}月{int(p['dob'][8:10])}日",
         [("PERSON_NAME", p["name"]), ("DATE_OF_BIRTH", f"{p['dob'][:4]}年{int(p['dob'][5:7])}月{int(p['dob'][8:10])}日")]),
        (f"本人確認のためマイナンバー {p['myNumber'][:4]} {p['myNumber'][4:8]} {p['myNumber'][8:]} を送ります",
         [("MY_NUMBER", f"{p['myNumber'][:4]} {p['myNumber'][4:8]} {p['myNumber'][8:]}")]),
        (f"{p['kana']} さんから電話がありました（{p['phone']}）。折り返しお願いします。",
         [("PERSON_NAME", p["kana"]), ("PHONE", p["phone"])]),
    ]
    for text, exp in rnd.sample(templates, 3):
        add(text, exp)

for _ in range(8):
    p = en_person()
    card = rnd.choice(CARDS[:14])
    grouped = " ".join(spaced(card, [4, 6, 5] if len(card) == 15 else [4, 6, 4] if len(card) == 14 else [4, 4, 4, 4]))
    templates = [
        (f"Hi, this is {p['name']}. Please send the receipt to {p['email']} instead.",
         [("PERSON_NAME", p["name"]), ("EMAIL", p["email"])]),
        (f"Customer called from {p['phone']} about order ord_{hexid(12)}; asked to update email to {p['email']}.",
         [("PHONE", p["phone"]), ("EMAIL", p["email"])]),
        (f"I paid with my card {grouped} but the order still shows payment_failed.", [("CARD_NUMBER", grouped)]),
        (f"DOB: {p['dob']} — please correct it in my profile.", [("DATE_OF_BIRTH", p["dob"])]),
        (f"Ship to: {p['address']}", [("ADDRESS", p["address"])]),
    ]
    for text, exp in rnd.sample(templates, 2):
        add(text, exp)

ja_free = [
    ("090-1234-5678 にお電話ください", [("PHONE", "090-1234-5678")]),
    ("お問い合わせは 03-1234-5678（平日9時〜18時）まで", [("PHONE", "03-1234-5678")]),
    ("フリーダイヤル 0120-123-456 へどうぞ", [("PHONE", "0120-123-456")]),
    ("ＩＰ電話 050-3123-4567 からの着信", [("PHONE", "050-3123-4567")]),
    ("携帯：０９０－１２３４－５６７８", [("PHONE", "０９０－１２３４－５６７８")]),
    ("海外からは +81 90 1234 5678 へ", [("PHONE", "+81 90 1234 5678")]),
    ("代表 +81-3-1234-5678", [("PHONE", "+81-3-1234-5678")]),
    ("電話番号（03）1234-5678", [("PHONE", "（03）1234-5678")]),
    ("mail: ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ", [("EMAIL", "ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ")]),
    ("〒１６０－００２３ 東京都新宿区西新宿２－８－１", [("POSTAL_CODE", "１６０－００２３"), ("ADDRESS", "東京都新宿区西新宿２－８－１")]),
    ("郵便番号 530-0001 大阪府大阪市北区梅田1-1-3 に住んでいます", [("POSTAL_CODE", "530-0001"), ("ADDRESS", "大阪府大阪市北区梅田1-1-3")]),
    ("住所は北海道札幌市中央区北一条西2丁目1番地です", [("ADDRESS", "北海道札幌市中央区北一条西2丁目1番地")]),
    ("愛知県名古屋市千種区星が丘元町16-50 に引っ越しました", [("ADDRESS", "愛知県名古屋市千種区星が丘元町16-50")]),
    ("埼玉県さいたま市浦和区高砂3-15-1 コーポ若葉 203号室", [("ADDRESS", "埼玉県さいたま市浦和区高砂3-15-1 コーポ若葉 203号室")]),
    ("サトウ タロウ 様のご注文を承りました", [("PERSON_NAME", "サトウ タロウ")]),
    ("担当：タナカ ハナコ", [("PERSON_NAME", "タナカ ハナコ")]),
    ("カード 4242-4242-4242-4242 で支払いました", [("CARD_NUMBER", "4242-4242-4242-4242")]),
    ("ＪＣＢ ３５６６ ００２０ ２０３６ ０５０５ を登録", [("CARD_NUMBER", "３５６６ ００２０ ２０３６ ０５０５")]),
    ("法人番号 7000012050002 の請求書", [("CORPORATE_NUMBER", "7000012050002")]),
    ("登録番号 T1180301018771", [("CORPORATE_NUMBER", "1180301018771")]),
    ("適格請求書発行事業者登録番号：T7000012050002", [("CORPORATE_NUMBER", "7000012050002")]),
    ("振込先 IBAN: DE89 3704 0044 0532 0130 00", [("IBAN", "DE89 3704 0044 0532 0130 00")]),
    ("アクセス元 203.0.113.77 からのログイン", [("IP_ADDRESS", "203.0.113.77")]),
    ("生年月日は平成2年4月15日です", [("DATE_OF_BIRTH", "平成2年4月15日")]),
    ("誕生日 1988/07/07", [("DATE_OF_BIRTH", "1988/07/07")]),
    ("パスワード: hunter2", [("SECRET", "hunter2")]),
]
for text, exp in ja_free:
    add(text, exp)

en_free = [
    ("Please reach me at +44 20 7946 0958 or j.smith@example.co.uk", [("PHONE", "+44 20 7946 0958"), ("EMAIL", "j.smith@example.co.uk")]),
    ("Wire to GB82 WEST 1234 5698 7654 32, ref INV-2024-0042", [("IBAN", "GB82 WEST 1234 5698 7654 32")]),
    ("IBAN FR1420041010050500013M02606", [("IBAN", "FR1420041010050500013M02606")]),
    ("Account NL91ABNA0417164300 closed", [("IBAN", "NL91ABNA0417164300")]),
    ("Refund to CH9300762011623852957 requested", [("IBAN", "CH9300762011623852957")]),
    ("My card 5555 5555 5555 4444 was charged twice", [("CARD_NUMBER", "5555 5555 5555 4444")]),
    ("amex 3782 822463 10005 declined", [("CARD_NUMBER", "3782 822463 10005")]),
    ("new card: 2223003122003222 exp 12/27 cvc 123", [("CARD_NUMBER", "2223003122003222")]),
    ("Server at 2001:db8::8a2e:370:7334 refused", [("IP_ADDRESS", "2001:db8::8a2e:370:7334")]),
    ("connection from [2001:db8:1::ab9:c0a8:102]:443", [("IP_ADDRESS", "2001:db8:1::ab9:c0a8:102")]),
    ("mapped ::ffff:192.0.2.128 seen", [("IP_ADDRESS", "::ffff:192.0.2.128")]),
    ("link-local fe80::1%eth0 up", [("IP_ADDRESS", "fe80::1%eth0")]),
    ("Authorization: Bearer 8f4e2c1a9b7d6e5f3a2b1c0d9e8f7a6b", [("SECRET", "8f4e2c1a9b7d6e5f3a2b1c0d9e8f7a6b")]),
    ("git clone https://deploy:gh5ecretPa55@git.example.com/shop.git", [("SECRET", "gh5ecretPa55")]),
    ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", [("SECRET", "AKIAIOSFODNN7EXAMPLE")]),
    ("token ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + " leaked in CI log", [("SECRET", "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")]),
    ("slack bot xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp posted", [("SECRET", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp")]),
    ("Born on 1979-11-30 in Osaka", [("DATE_OF_BIRTH", "1979-11-30")]),
    ("date of birth: 03/14/1985", [("DATE_OF_BIRTH", "03/14/1985")]),
    ("reach support@example.com for help", [("EMAIL", "support@example.com")]),
]
for text, exp in en_free:
    add(text, exp)

# JWTs and keys inside free text
for _ in range(3):
    t = jwt("cus_" + hexid(12))
    add(f"replaying request with token {t} against staging", [("JWT", t)])
add("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PRIVATE KEY-----",
    [("SECRET", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PRIVATE KEY-----")])

# ---------------------------------------------------------------- 6. log lines

for _ in range(12):
    p = ja_person()
    ip = rnd.choice(["192.0.2.", "198.51.100.", "203.0.113."]) + str(rnd.randint(1, 254))
    ts = f"2024-05-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}.{rnd.randint(0, 999):03d}Z"
    kind = rnd.randint(0, 5)
    if kind == 0:
        add(f"{ts} INFO  [shop] POST /customers 201 {rnd.randint(3, 90)}ms email={p['email']} ip={ip}",
            [("EMAIL", p["email"]), ("IP_ADDRESS", ip)])
    elif kind == 1:
        add(f"{ts} WARN  [shop] 422 invalid_phone phone=\"{p['phone']}x\" traceId={hexid(32)}", [])
    elif kind == 2:
        add(f"{ts} INFO  [payments] POST /payments 201 amount=4980 currency=JPY orderRef=ord_{hexid(12)} "
            f"idempotencyKey={hexid(8)}-{hexid(4)}-{hexid(4)}-{hexid(4)}-{hexid(12)} client={ip}", [("IP_ADDRESS", ip)])
    elif kind == 3:
        doc = json.dumps({"ts": ts, "level": "INFO", "msg": "customer created", "customer": {"name": p["name"], "email": p["email"]},
                          "clientIp": ip}, ensure_ascii=False)
        add(doc, [("PERSON_NAME", p["name"]), ("EMAIL", p["email"]), ("IP_ADDRESS", ip)])
    elif kind == 4:
        t = jwt("cus_" + hexid(12))
        add(f"{ts} DEBUG [shop] GET /customers/cus_{hexid(12)}/orders?limit=10 authorization=\"Bearer {t}\" sid={hexid(32)}",
            [("JWT", t)])
    else:
        add(f"{ts} INFO  [shop] PUT /customers/cus_{hexid(12)}/kyc 200 {rnd.randint(3, 40)}ms verifiedAt={ts}", [])

log_fixed = [
    ("Jan 15 10:23:45 web01 sshd[4123]: Accepted publickey for deploy from 198.51.100.23 port 52144 ssh2",
     [("IP_ADDRESS", "198.51.100.23")]),
    ("198.51.100.23 - - [15/Jan/2024:10:23:45 +0900] \"GET /products/TEA-SENCHA-100 HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
     [("IP_ADDRESS", "198.51.100.23")]),
    ("level=info ts=1714560000 caller=server.go:88 msg=\"listening\" addr=0.0.0.0:8080", []),
    ("level=warn ts=1714560000123 msg=\"slow query\" duration_ms=1532 rows=1000000", []),
    ("POST /login 401 user=taro.yamada@example.jp reason=bad_password password=hunter2!",
     [("EMAIL", "taro.yamada@example.jp"), ("SECRET", "hunter2!")]),
    ("GET /v1/report?access_token=0a1b2c3d4e5f6a7b8c9d0e1f&format=csv 200", [("SECRET", "0a1b2c3d4e5f6a7b8c9d0e1f")]),
    ("redirect to https://example.com/cb?code=4/P7q7W91a-oMsCeLvIaQm6bTrgtp7&state=xyz", []),
    ("{\"event\":\"signup\",\"payload\":\"{\\\"email\\\":\\\"hana.sato@example.jp\\\",\\\"phone\\\":\\\"080-9876-5432\\\"}\"}",
     [("EMAIL", "hana.sato@example.jp"), ("PHONE", "080-9876-5432")]),
    ("kyc ok customer=cus_0a1b2c3d4e5f myNumber=123456789018", [("MY_NUMBER", "123456789018")]),
    ("card tokenised bin=424242 last4=4242 brand=Visa exp=12/27", []),
    ("retry 3/5 after 1500ms (HTTP 503) for pay_0123456789abcdef", []),
    ("deploy v2.14.3 build 20240501.1234 commit 9f8e7d6c5b4a", []),
    ("java.lang.IllegalStateException: order ord_1a2b3c4d5e6f already paid at io.prod2test.examples.shop.Orders.pay(Orders.java:142)", []),
    ("gc pause 12.5ms heap 512M->128M (1024M) uptime 86400s", []),
    ("exchange 7f3e2a10 took 235ms, 4 spans, traceId 4bf92f3577b34da6a3ce929d0e0e4736", []),
]
for text, exp in log_fixed:
    add(text, exp)

# ---------------------------------------------------------------- 7. near misses: nothing to find

near = [
    "1700000000", "1700000000000", "ts=1714560000", "createdAtMs=1714560000123", "ord_1234567890123",
    "order 1234567890123 shipped", "ISBN 978-4-06-519981-6", "9784065199816", "ISBN978-4-10-101010-6",
    "version 1.2.3", "10.0.19045.3803", "Windows NT 10.0.19045.3803", "v1.2.3.4", "OID 1.3.6.1.4.1.311",
    "Chrome/126.0.0.0 Safari/537.36", "¥4,980", "49.80", "1,000,000", "合計 1,000,000円", "¥1,234,567,890",
    "$10,000.00", "price=39600 JPY", "3f2b8c1e-9d4a-4e7b-8f10-2a6c5d9e0b17", "12345678-1234-1234-1234-123456789012",
    "commit 9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e", "sha256:4242424242424242424242424242424242424242424242424242424242424242",
    "4242424242424241", "4242 4242 4242 4241", "5555-5555-5555-4445", "1234567812345678", "0000 0000 0000 0000",
    "pay_4242424242424242", "tracking 4242424242424242424", "12:34:56", "2024-05-01 12:34:56", "00:1a:2b:3c:4d:5e",
    "std::vector<int>", "a::b", "icon@2x.png", "logo@3x.webp", "npm i lodash@4.17.21", "user@localhost",
    "@prod2test/cli", "mailto:", "ご注文番号 123456789012", "receipt 202405011230", "account 123456789012",
    "arn:aws:iam::123456789012:role/deploy", "ノイズキャンセリング ヘッドホン", "マグ カップ 2個セット", "フェイス タオル",
    "ポイント カード", "東京都内のホテル", "大阪府警の発表", "123-4567-8901", "品番 ABC-123-4567", "100-2000円の範囲",
    "dob is required", "birthday party on 2024-12-24", "2024/05/01 出荷", "予約日 2024年5月1日",
    "Sencha green tea, 100 g", "fine nib 0.5mm", "0.0.0.0", "127.0.0.1", "255.255.255.0", "::1",
    "Build 20240501123045", "20240501", "13:45 〜 14:30", "3-4営業日", "TEL-2024-0001", "No.1234-5678",
    "Bearer authentication is described in RFC 6750", "the token expired after 3600 seconds",
    "password reset link sent", "secret santa 2024", "api_key is missing", "eyJhbGciOiJub25lIn0", "a.b.c",
    "DE89 3704 0044 0532 0130 01", "GB82WEST12345698765431", "XX89370400440532013000", "T1234567890123",
    "123456789013", "9876 5432 1098", "3.14159265358979", "10.0.0.256", "192.168.1", "1.2.3.4.5",
    "+0", "0120", "ID: 0000-0000-0000", "IMEI 490154203237518", "JAN 4901234567894", "code 1234-5678-9012-3456-7890",
]
for text in near:
    add(text)

# field-scoped near misses
add("2024-05-01", [], "REQUEST_BODY", "shipDate", "$.shipDate")
add("2024-05-01T12:34:56Z", [], "RESPONSE_BODY", "createdAt", "$.createdAt")
add(my_number(valid=False), [], "REQUEST_BODY", "reference", "$.reference")
add("12", [], "REQUEST_BODY", "quantity", "$.quantity")
add("ja-JP", [], "REQUEST_BODY", "locale", "$.locale")
add("JPY", [], "REQUEST_BODY", "currency", "$.currency")
add("requires_action", [], "RESPONSE_BODY", "status", "$.status")
add("Daypack, 20 l", [], "RESPONSE_BODY", "nameEn", "$.nameEn")

# invalid My Numbers in free text (the check digit catches the typo); one in a myNumber field still counts
for _ in range(6):
    bad = my_number(valid=False)
    add(f"番号 {bad} を確認", [])
bad = my_number(valid=False)
add(bad, [("MY_NUMBER", bad)], "REQUEST_BODY", "myNumber", "$.myNumber", note="a mistyped My Number in its own field")
for _ in range(6):
    good = my_number()
    add(f"個人番号：{good}", [("MY_NUMBER", good)])
for _ in range(4):
    c = corporate_number()
    add(c, [("CORPORATE_NUMBER", c)], "REQUEST_BODY", "corporateNumber", "$.corporateNumber")
    add(f"1{c[1:]}" if c[0] != "1" else f"2{c[1:]}", [], note="13 digits without context: a millisecond timestamp as likely")

# ================================================================ HOLDOUT
# Written after the detectors were tuned on everything above; not used for tuning.
split = "holdout"

body("email", "Hanako.Suzuki+shop@Example.CO.JP", [("EMAIL", None)])
body("email", "not-an-email")
body("phone", "03 1234 5678", [("PHONE", None)])
body("phone", "+81 (0)90-1234-5678", [("PHONE", None)])
body("tel", "0466-12-3456", [("PHONE", None)])
body("mobile", "０８０－９８７６－５４３２", [("PHONE", None)])
body("postal_code", "1600023", [("POSTAL_CODE", None)])
body("zip", "94105-1234", [("POSTAL_CODE", None)])
body("postcode", "SW1A 1AA", [("POSTAL_CODE", None)])
body("first_name", "Hanako", [("PERSON_NAME", None)])
body("last_name", "Suzuki", [("PERSON_NAME", None)])
body("familyNameKana", "スズキ", [("PERSON_NAME", None)])
body("氏名", "鈴木 花子", [("PERSON_NAME", None)])
body("フリガナ", "スズキ ハナコ", [("PERSON_NAME", None)])
body("cardholder", "HANAKO SUZUKI", [("PERSON_NAME", None)])
add("港区芝浦3-4-1", [("ADDRESS", "港区芝浦3-4-1")], "REQUEST_BODY", "line1", "$.shipping.address.line1")
add("Minato-ku", [("ADDRESS", "Minato-ku")], "REQUEST_BODY", "city", "$.shipping.address.city")
body("birthDate", "1985/3/9", [("DATE_OF_BIRTH", None)])
body("birthday", "1992年12月1日", [("DATE_OF_BIRTH", None)])
body("dob", "19870615", [("DATE_OF_BIRTH", None)])
add("1979-02-30", [], "REQUEST_BODY", "date_of_birth", "$.date_of_birth", note="no such date")
mn = my_number()
body("individualNumber", mn, [("MY_NUMBER", mn)])
opaque = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))
add("bearer " + opaque, [("SECRET", opaque)], "REQUEST_HEADER", "Authorization", "Authorization")
google = "AIza" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(35))
add(google, [("SECRET", google)], "REQUEST_HEADER", "X-Api-Key", "X-Api-Key")
add("session_token=abc123def456; _ga=GA1.2.123456789.1700000000", [], "REQUEST_HEADER", "Cookie", "Cookie")
add("taro%40example.jp", [("EMAIL", "taro%40example.jp")], "QUERY", "email", "email", note="URL-encoded")
add("https://example.com/callback", [], "QUERY", "redirect_uri", "redirect_uri")
add("佐藤", [], "QUERY", "q", "q", note="a search term")
add("09011112222", [("PHONE", "09011112222")], "COLUMN", "phone", "customers.phone")
add("神奈川県藤沢市辻堂1-2-3", [("ADDRESS", "神奈川県藤沢市辻堂1-2-3")], "COLUMN", "address", "customers.address")
add("12800", [], "COLUMN", "total", "orders.total")
add("203.0.113.5", [("IP_ADDRESS", "203.0.113.5")], "RESPONSE_BODY", "ip", "$.ip")
add("198.51.100.77", [("IP_ADDRESS", "198.51.100.77")], "REQUEST_BODY", "remoteAddr", "$.remoteAddr")
add("a.b@example.org", [("EMAIL", "a.b@example.org")], "REQUEST_BODY", "emailAddress", "$.emailAddress")
body("description", "誕生日プレゼント用にラッピングしてください")
body("note", "不在の場合は宅配ボックスへ")
body("comment", "サイズ交換希望")
body("productName", "ミニ トート")
add("キッチン用品", [], "RESPONSE_BODY", "name", "$.category.name")
body("memo", "ナカムラ ケンタ 様 宛", [("PERSON_NAME", "ナカムラ ケンタ")])
body("pin", "1234", [("SECRET", "1234")], )
body("client_secret", hexid(32), [("SECRET", None)])
rt = jwt("cus_" + hexid(12))
body("refresh_token", rt, [("JWT", rt)])
body("otp", "654321")

valid_mn = my_number()
customer_no = my_number()
corp = corporate_number()
holdout_free = [
    ("ご登録の電話番号 080 1234 5678 宛にSMSを送信しました", [("PHONE", "080 1234 5678")]),
    ("TEL 06-6123-4567 / FAX 06-6123-4568", [("PHONE", "06-6123-4567"), ("PHONE", "06-6123-4568")]),
    ("お届け先：〒812-0011 福岡県福岡市博多区博多駅前3-2-1 博多ビル5F",
     [("POSTAL_CODE", "812-0011"), ("ADDRESS", "福岡県福岡市博多区博多駅前3-2-1 博多ビル5F")]),
    ("京都府京都市中京区烏丸通三条上ル場之町586-2", [("ADDRESS", "京都府京都市中京区烏丸通三条上ル場之町586-2")]),
    ("東京都千代田区丸の内1丁目9番1号", [("ADDRESS", "東京都千代田区丸の内1丁目9番1号")]),
    ("今日は東京都と大阪府に出張です", []),
    ("神奈川県在住の30代です", []),
    ("大阪府大阪市にある店舗", [("ADDRESS", "大阪府大阪市")]),
    (f"お客様番号 {customer_no} についてのお問い合わせ", []),
    (f"マイナンバーカードの番号は {valid_mn[:4]} {valid_mn[4:8]} {valid_mn[8:]} です",
     [("MY_NUMBER", f"{valid_mn[:4]} {valid_mn[4:8]} {valid_mn[8:]}")]),
    ("山田 太郎様より、カード番号 4012 8888 8888 1881 の件", [("PERSON_NAME", "山田 太郎"), ("CARD_NUMBER", "4012 8888 8888 1881")]),
    ("担当の鈴木です", [("PERSON_NAME", "鈴木")]),
    ("スズキ ハナコ", [("PERSON_NAME", "スズキ ハナコ")]),
    ("ヘッドホン ケース", []),
    ("ブルー グレー", []),
    ("カタカナ テキスト", []),
    ("お電話番号：03-5555-0123", [("PHONE", "03-5555-0123")]),
    ("注文番号: 2024050112345 の配送状況", []),
    (f"領収書 登録番号 T{corp}", [("CORPORATE_NUMBER", corp)]),
    ("ポイント 1,280pt 付与", []),
    ("セール価格 ¥12,800（税込）", []),
    ("クーポンコード SUMMER2024 をご利用ください", []),
    ("Call me on (415) 555-0132 after 6pm", [("PHONE", "(415) 555-0132")]),
    ("Contact: jane.doe@example.com, +1-202-555-0189", [("EMAIL", "jane.doe@example.com"), ("PHONE", "+1-202-555-0189")]),
    ("Dear Ms. Thompson, your order has shipped.", [("PERSON_NAME", "Thompson")]),
    ("Dear Customer, your order has shipped.", []),
    ("This is Visa Platinum support", []),
    ("I am Very Happy with the service", []),
    ("Card ending 4242 was declined", []),
    ("card number: 3530-1113-3330-0000", [("CARD_NUMBER", "3530-1113-3330-0000")]),
    ("Visa 4111 1111 1111 1111 test", [("CARD_NUMBER", "4111 1111 1111 1111")]),
    ("Discover " + " ".join(spaced(luhn_complete("644564456445644"), [4, 4, 4, 4])),
     [("CARD_NUMBER", " ".join(spaced(luhn_complete("644564456445644"), [4, 4, 4, 4])))]),
    ("Maestro 6759649826438453", [("CARD_NUMBER", "6759649826438453")]),
    ("UnionPay " + " ".join(spaced(luhn_complete("621234567890123"), [4, 4, 4, 4])),
     [("CARD_NUMBER", " ".join(spaced(luhn_complete("621234567890123"), [4, 4, 4, 4])))]),
    ("server 10.1.2.3 port 5432", [("IP_ADDRESS", "10.1.2.3")]),
    ("curl -H 'X-Forwarded-For: 192.0.2.200' https://shop.example.com", [("IP_ADDRESS", "192.0.2.200")]),
    ("upgrade to 2.0.0.1 soon", []),
    ("OS version 10.0.22631.2861", []),
    ("ping 2001:0db8:0000:0000:0000:ff00:0042:8329", [("IP_ADDRESS", "2001:0db8:0000:0000:0000:ff00:0042:8329")]),
    ("time 23:59:59.999", []),
    ("born 12/05/1990 in Kobe", [("DATE_OF_BIRTH", "12/05/1990")]),
    ("Date of Birth: 1 May 1990", [("DATE_OF_BIRTH", "1 May 1990")]),
    ("birthdate=1990-05-01&plan=basic", [("DATE_OF_BIRTH", "1990-05-01")]),
    ("password: 'p@ss w0rd!'", [("SECRET", "p@ss w0rd!")]),
    ("PASSWORD=Secr3t!", [("SECRET", "Secr3t!")]),
    ("api_key: 'AKIAI44QH8DHBEXAMPLE'", [("SECRET", "AKIAI44QH8DHBEXAMPLE")]),
    ("Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l", [("SECRET", "YWxhZGRpbjpvcGVuc2VzYW1l")]),
    ("postgres://app:Sup3rS3cret@db.internal:5432/shop", [("SECRET", "Sup3rS3cret")]),
    ("token=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP",
     [("SECRET", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP")]),
    ("the session id is 7f1c2e3d4a5b6c7d8e9f", []),
    ("sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709", []),
    ("request_id=req_8x7y6z5w4v3u", []),
    ("Wire to IBAN ES91 2100 0418 4502 0005 1332.", [("IBAN", "ES91 2100 0418 4502 0005 1332")]),
    ("BE68539007547034", [("IBAN", "BE68539007547034")]),
    ("IT60 X054 2811 1010 0000 0123 456", [("IBAN", "IT60 X054 2811 1010 0000 0123 456")]),
    ("ref GB00WEST12345698765432", []),
    ('{"level":"info","msg":"login","user":{"email":"kenta.ito@example.jp","ip":"198.51.100.42"},"ua":"Mozilla/5.0 (X11; Linux x86_64) Chrome/127.0.0.0"}',
     [("EMAIL", "kenta.ito@example.jp"), ("IP_ADDRESS", "198.51.100.42")]),
    ('time="2024-05-02T01:02:03Z" level=error msg="payment failed" card_last4=0002 decline=do_not_honor amount=4980', []),
    ("INSERT INTO customers (name, email) VALUES ('佐藤 花子', 'hanako@example.jp')",
     [("PERSON_NAME", "佐藤 花子"), ("EMAIL", "hanako@example.jp")]),
    ("UPDATE customers SET phone = '090-2222-3333' WHERE id = 'cus_0a1b2c3d4e5f'", [("PHONE", "090-2222-3333")]),
    ("2024-05-02 01:02:03,456 DEBUG o.h.SQL - select c.id, c.email from customers c where c.email=?", []),
    ("[shop] 201 POST /customers/cus_1a2b3c4d5e6f/cards brand=JCB last4=0505 exp=2027-12", []),
    ("[payments] tokenised number=3566002020360505 cvc=123", [("CARD_NUMBER", "3566002020360505"), ("SECRET", "123")]),
    (f'kyc: myNumber="{valid_mn}" verified', [("MY_NUMBER", valid_mn)]),
    ("x-forwarded-for: 203.0.113.195, 70.41.3.18, 150.172.238.178",
     [("IP_ADDRESS", "203.0.113.195"), ("IP_ADDRESS", "70.41.3.18"), ("IP_ADDRESS", "150.172.238.178")]),
    ("traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", []),
    ("Jun 01 12:00:00 host kernel: [12345.678901] eth0: link up", []),
    ("metrics cpu=0.93 mem=1234567890 disk=98765432109", []),
    ("order ord_a1b2c3d4e5f6 total=12800 JPY items=3 shipping_postal=150-0001", [("POSTAL_CODE", "150-0001")]),
    ('address="東京都渋谷区神宮前1-2-3", city=渋谷区', [("ADDRESS", "東京都渋谷区神宮前1-2-3"), ("ADDRESS", "渋谷区", 1)]),
    ('"dateOfBirth":"1999-12-31T00:00:00.000Z"', [("DATE_OF_BIRTH", "1999-12-31")]),
    ('{"cardNumber":"4000 0566 5566 5556","expiry":"12/27","cvv":"321"}', [("CARD_NUMBER", "4000 0566 5566 5556"), ("SECRET", "321")]),
    ('{"holder_name":"TARO YAMADA","number":"5200828282828210"}', [("PERSON_NAME", "TARO YAMADA"), ("CARD_NUMBER", "5200828282828210")]),
    ("1712345678", []), ("1712345678901", []), ("ISBN 4-06-519981-3", []), ("978-0-596-52068-7", []),
    ("ver 3.2.1.0", []), ("price: ¥39,600", []), ("49.99 USD", []), ("qty 1,000,000 units", []),
    ("5f2b8c1e-4242-4242-4242-424242424242", []), ("0x4242424242424242", []), ("tel:", []),
    ("2024-05-01T12:34:56+09:00", []), ("12:34", []), ("192.0.2.1.5", []), ("fe80::/10", []),
    ("image@2x.jpg", []), ("foo@bar", []), ("@example.com", []), ("name@ example.com", []),
    ("カード番号下4桁 4242", []), ("010-1234-5678", []), ("0000-0000", []), ("郵便番号は未入力", []),
    ("第123-4567号", []), ("電話受付 10:00-18:00", []), ("平成30年度決算", []), ("令和6年5月1日発行", []),
    ("Born This Way (2011)", []),
]
for text, exp in holdout_free:
    add(text, exp)

# ================================================================ FRESH
# Written after all tuning; measured once (P 0.969, R 0.851); only the CSV comma bug they showed was fixed.
split = "fresh"

add('{"token":"tok_' + hexid(24) + '","amount":4980,"currency":"JPY","orderRef":"ord_' + hexid(12) + '","description":"Order for 3 items"}',
    [("SECRET", None)])
items[-1]["expect"] = [["SECRET", items[-1]["text"].split('"token":"')[1].split('"')[0]]]
add('{"error":"invalid_email","message":"email must be an address like name@example.com, at most 254 characters","field":"email"}',
    [("EMAIL", "name@example.com")])
add("ja,en-US;q=0.9,en;q=0.8", [], "REQUEST_HEADER", "accept-language", "accept-language")
add("req_" + hexid(20), [], "REQUEST_HEADER", "x-request-id", "x-request-id")
add('W/"' + hexid(16) + '"', [], "RESPONSE_HEADER", "etag", "etag")
add("https://shop.example.com/customers/cus_0a1b2c3d4e5f?email=taro@example.jp", [("EMAIL", "taro@example.jp")],
    "REQUEST_HEADER", "referer", "referer")
add("cus_1a2b3c,佐藤 花子,hanako@example.jp,090-1111-2222,160-0023,東京都新宿区西新宿2-8-1",
    [("PERSON_NAME", "佐藤 花子"), ("EMAIL", "hanako@example.jp"), ("PHONE", "090-1111-2222"), ("POSTAL_CODE", "160-0023"),
     ("ADDRESS", "東京都新宿区西新宿2-8-1")], note="a CSV row: no field names")
add("SELECT * FROM customers WHERE email = 'a.b@example.jp' AND phone = '03-1234-5678'",
    [("EMAIL", "a.b@example.jp"), ("PHONE", "03-1234-5678")])
add("Order ord_9f8e7d6c5b4a placed by cus_1a2b3c4d5e6f total ¥12,800 (3 items)", [])
add("山田様\n\nいつもご利用ありがとうございます。\nお届け先: 〒150-0001 東京都渋谷区神宮前5-1-1\nお電話: 03-6789-0123",
    [("POSTAL_CODE", "150-0001"), ("ADDRESS", "東京都渋谷区神宮前5-1-1"), ("PHONE", "03-6789-0123"), ("PERSON_NAME", "山田")])
add("Member since 2019-04-01, born 1985-07-21", [("DATE_OF_BIRTH", "1985-07-21")])
add('{"address":{"postalCode":"530-0001","prefecture":"大阪府","city":"大阪市北区","line1":"梅田1-1-3","line2":"ビル5F"}}',
    [("POSTAL_CODE", "530-0001"), ("ADDRESS", "大阪府"), ("ADDRESS", "大阪市北区"), ("ADDRESS", "梅田1-1-3"), ("ADDRESS", "ビル5F")])
add("4111111111111111|12|2027|123", [("CARD_NUMBER", "4111111111111111")])
add("03-1234-5678 内線 123", [("PHONE", "03-1234-5678")])
for number in ["+49 30 901820", "+33 1 42 68 53 00", "+82 10-1234-5678", "+86 138 0013 8000"]:
    add(f"tel {number}", [("PHONE", number)])
add("GET http://192.0.2.10:8080/health 200", [("IP_ADDRESS", "192.0.2.10")])
add("Let's meet at 10.30 tomorrow", [])
t = jwt("cus_" + hexid(12))
add("session=" + t + "; theme=dark", [("JWT", t)], "REQUEST_HEADER", "cookie", "cookie")
add("注文日 2024-05-01 合計 12,800円 数量 3", [])
add("イトウ ヒロシ 様", [("PERSON_NAME", "イトウ ヒロシ")])
add("コンビニ 払い", [])
add("アマゾン ギフト券", [])
add("Jessica Brown", [("PERSON_NAME", "Jessica Brown")], "REQUEST_BODY", "name", "$.contact.name")
add("たろちゃん", [], "REQUEST_BODY", "nickname", "$.nickname")
add('{"iban":"DE89370400440532013000","bic":"COBADEFFXXX"}', [("IBAN", "DE89370400440532013000")])
add("1234567", [], "REQUEST_BODY", "account_number", "$.bank.account_number")
add("1990", [], "REQUEST_BODY", "birth_year", "$.birth_year")
add("742 Evergreen Terrace, Seattle, WA 98101", [("ADDRESS", "742 Evergreen Terrace"), ("POSTAL_CODE", "98101")],
    note="an English address in free text: not looked for")
add("Your verification code is 482913", [])
add("お問い合わせ番号：A-2024-000123", [])
add("ID: 7f3e2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b", [])
add("発送先：北海道函館市元町1-2 函館ハイツ 305号室\n電話：0138-12-3456",
    [("ADDRESS", "北海道函館市元町1-2 函館ハイツ 305号室"), ("PHONE", "0138-12-3456")])
add("宮城県仙台市青葉区一番町4-5-6", [("ADDRESS", "宮城県仙台市青葉区一番町4-5-6")], "REQUEST_BODY", "address", "$.address")
add("〒980-0811", [("POSTAL_CODE", "980-0811")], "REQUEST_BODY", "postalCode", "$.postalCode")
add("ｻﾄｳ ﾀﾛｳ", [("PERSON_NAME", "ｻﾄｳ ﾀﾛｳ")], "REQUEST_BODY", "nameKana", "$.nameKana", note="half-width kana")
add("ｻﾄｳ ﾀﾛｳ 様", [("PERSON_NAME", "ｻﾄｳ ﾀﾛｳ")], note="half-width kana in free text")
add("MR TARO YAMADA", [("PERSON_NAME", "MR TARO YAMADA")], "REQUEST_BODY", "holderName", "$.holderName")
add("3714 496353 98431", [("CARD_NUMBER", "3714 496353 98431")])
add("card: 5555 5555 5555 4444, exp: 12/27, cvc: 737", [("CARD_NUMBER", "5555 5555 5555 4444"), ("SECRET", "737")])
add("Please charge 4242424242424242 again", [("CARD_NUMBER", "4242424242424242")])
add("tracking number 1Z999AA10123456784", [])
add("JP Post tracking 123456789012", [], note="a 12-digit tracking number; may pass the My Number check by chance")
add("phone: 090 1234 5678", [("PHONE", "090 1234 5678")])
add("電話番号 090(1234)5678", [("PHONE", "090(1234)5678")])
add("mobile 0901234567", [], note="10 digits starting 090: one digit short of a mobile number")
add("予算は1,000万円、担当は田中 一郎です", [("PERSON_NAME", "田中 一郎")])
add("Ms Akiko Tanaka will attend", [("PERSON_NAME", "Akiko Tanaka")])
add("Thanks, Robert", [("PERSON_NAME", "Robert")])
add("Contact person: Sato", [("PERSON_NAME", "Sato")])
add("client 2001:db8:abcd:12::1 connected over IPv6", [("IP_ADDRESS", "2001:db8:abcd:12::1")])
add("proxy=203.0.113.8:3128", [("IP_ADDRESS", "203.0.113.8")])
add("build 1.0.0.1234 deployed", [])
add("DNS 8.8.8.8 and 1.1.1.1", [("IP_ADDRESS", "8.8.8.8"), ("IP_ADDRESS", "1.1.1.1")])
add("x-api-key: 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", [("SECRET", "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c")])
add("DATABASE_URL=mysql://root:hunter2@127.0.0.1/shop", [("SECRET", "hunter2")])
add('{"grant_type":"refresh_token","refresh_token":"8xLOxBtZp8","client_id":"shop-web"}', [("SECRET", "8xLOxBtZp8")])
add("OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwxyz123456", [("SECRET", "sk-abcdefghijklmnopqrstuvwxyz123456")])
add("secret_santa_group=team-a", [], note="a key that merely contains 'secret'")
add("passwordless login enabled", [])
add("生年月日：昭和55年3月3日", [("DATE_OF_BIRTH", "昭和55年3月3日")])
add("誕生日は12月24日です", [("DATE_OF_BIRTH", "12月24日")], note="a birthday without the year")
add("DOB 1975/10/10", [("DATE_OF_BIRTH", "1975/10/10")])
add("2000-01-01", [("DATE_OF_BIRTH", "2000-01-01")], "COLUMN", "birth_date", "customers.birth_date")
add("2024-05-01", [], "COLUMN", "created_at", "customers.created_at")
add("マイナンバー: " + my_number(), [])
items[-1]["expect"] = [["MY_NUMBER", items[-1]["text"].split(": ")[1]]]
add("個人番号カード 番号 " + my_number(valid=False), [], note="wrong check digit")
add(corporate_number(), [], "REQUEST_BODY", "companyId", "$.companyId", note="13 digits in a field that does not say so")
c = corporate_number()
add(f"会社法人等番号ではなく法人番号 {c} を記載", [("CORPORATE_NUMBER", c)])
add("ES7921000813610123456789", [("IBAN", "ES7921000813610123456789")])
add("IBAN: FR76 3000 6000 0112 3456 7890 189", [("IBAN", "FR76 3000 6000 0112 3456 7890 189")])
add("zip=100-0005&pref=13", [("POSTAL_CODE", "100-0005")])
add("〒100-0005 東京都千代田区丸の内1-1-1 パレスビル 3F", [("POSTAL_CODE", "100-0005"), ("ADDRESS", "東京都千代田区丸の内1-1-1 パレスビル 3F")])
add("東京都の天気は晴れ", [])
add("静岡県富士宮市", [("ADDRESS", "静岡県富士宮市")])
add("長野県北佐久郡軽井沢町軽井沢1323-1", [("ADDRESS", "長野県北佐久郡軽井沢町軽井沢1323-1")])
add("平日 09:00-18:00 (土日祝除く)", [])
add("¥39,600 → ¥35,640 (10% OFF)", [])
add("v2.3.4-rc.1+build.5678", [])
add("ハナコ", [("PERSON_NAME", "ハナコ")], "REQUEST_BODY", "firstNameKana", "$.firstNameKana")
add("null", [], "REQUEST_BODY", "name", "$.name")
add("", [], "REQUEST_BODY", "email", "$.email")
add("N/A", [], "REQUEST_BODY", "phone", "$.phone")
add("guest", [], "REQUEST_BODY", "name", "$.name", note="not a person's name, but a bare name field")
add("Tanaka, Ichiro", [("PERSON_NAME", "Tanaka, Ichiro")], "COLUMN", "full_name", "customers.full_name")
add("i.tanaka@example.jp", [("EMAIL", "i.tanaka@example.jp")], "COLUMN", "login", "users.login")

for item in items:
    print(json.dumps(item, ensure_ascii=False))
