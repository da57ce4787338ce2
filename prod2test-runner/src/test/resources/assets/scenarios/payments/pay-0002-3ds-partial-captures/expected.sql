-- two capture rows that add up to the captured total
SELECT count(*) = 2 AND sum(c.amount_minor) = 30000
FROM captures c JOIN payments p ON p.id = c.payment_id WHERE p.order_ref = 'ord_s0002';
