/** One price of one stock: what the program sends, one record each. */
public record StockPrice(String symbol, double price, long time) {
}
